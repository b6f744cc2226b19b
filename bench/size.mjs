// Shipped size: each entry bundled with esbuild (--bundle --minify --format=esm --target=es2020),
// minified and gzipped (level 9) bytes, beside the raw core.wasm builds. sigv4-wasm's entries are
// dist/portable.js (the default: JS, the base core as base64 with the code that writes its SIMD or
// scalar compression, and the JavaScript core) and
// dist/index.js (sigv4-wasm/wasm: the same without the JavaScript core). Peers are bundled from a one-line entry that
// re-exports what a signer or hasher needs, preferring their ESM builds (module field, import
// condition) so they can be tree-shaken; node builtins stay external (platform node), so signers
// built on node:crypto get their hashing for free and look smaller than they are in a browser.
import { build, version as esbuildVersion } from "esbuild";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { writeResult } from "./harness.mjs";

const root = new URL("../", import.meta.url).pathname;
const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;

async function bundle(contents, platform) {
  const result = await build({
    stdin: { contents, resolveDir: root, loader: "js", sourcefile: "entry.mjs" },
    bundle: true, minify: true, format: "esm", target: "es2020", platform, write: false, logLevel: "silent",
    ...(platform === "node" ? { mainFields: ["module", "main"], conditions: ["import", "module"] } : {}),
  });
  const bytes = result.outputFiles[0].contents;
  return { minifiedBytes: bytes.length, gzippedBytes: gzip(bytes) };
}

const ENTRIES = [
  ["sigv4-wasm (default entry: everything, both WASM cores and the JavaScript core)", `export * from "./dist/portable.js";`, "browser"],
  ["sigv4-wasm, Signer only", `export { Signer } from "./dist/portable.js";`, "browser"],
  ["sigv4-wasm/wasm (everything, WASM cores only)", `export * from "./dist/index.js";`, "browser"],
  ["sigv4-wasm/wasm, Signer only", `export { Signer } from "./dist/index.js";`, "browser"],
  ["sigv4-wasm/wasm, sha256 only", `export { sha256 } from "./dist/index.js";`, "browser"],
  ["sigv4-wasm embedded cores alone (the base module as base64 and the code that writes its SIMD or scalar compress)", `export { embeddedCore } from "./dist/wasm/embedded.js";`, "browser"],
  ["aws4 (node:crypto, CJS)", `export { default } from "aws4";`, "node"],
  ["aws4fetch (WebCrypto)", `export { AwsV4Signer } from "aws4fetch";`, "node"],
  ["@smithy/signature-v4 (no hash)", `export { SignatureV4 } from "@smithy/signature-v4";`, "node"],
  ["@smithy/signature-v4 + @smithy/hash-node", `export { SignatureV4 } from "@smithy/signature-v4"; export { Hash } from "@smithy/hash-node";`, "node"],
  ["@smithy/signature-v4 + @aws-crypto/sha256-js", `export { SignatureV4 } from "@smithy/signature-v4"; export { Sha256 } from "@aws-crypto/sha256-js";`, "node"],
  ["hash-wasm createSHA256 + createHMAC", `export { createSHA256, createHMAC } from "hash-wasm";`, "node"],
  ["@noble/hashes sha256 + hmac", `export { sha256 } from "@noble/hashes/sha2.js"; export { hmac } from "@noble/hashes/hmac.js";`, "node"],
  ["@chainsafe/as-sha256 digest", `export { digest } from "@chainsafe/as-sha256";`, "node"],
];

const rows = [];
for (const [name, contents, platform] of ENTRIES) {
  try {
    rows.push({ name, entry: contents, platform, ...(await bundle(contents, platform)) });
  } catch (error) {
    rows.push({ name, entry: contents, platform, error: String(error.message ?? error).split("\n")[0] });
  }
}
for (const [name, path] of [["scalar", "build/release/core.wasm"], ["SIMD", "build/simd/core.wasm"]]) {
  const wasm = readFileSync(new URL(`../${path}`, import.meta.url));
  rows.push({ name: `sigv4-wasm ${path} (${name} core, raw binary)`, entry: path, platform: "", minifiedBytes: wasm.length, gzippedBytes: gzip(wasm) });
}

for (const r of rows) console.log(r.error ? `${r.name}: not bundled (${r.error})` : `${r.name}: ${r.minifiedBytes} B minified, ${r.gzippedBytes} B gzipped`);
writeResult("size", {
  kind: "size",
  method: `esbuild ${esbuildVersion} --bundle --minify --format=esm --target=es2020 on a one-line entry (stdin); sigv4-wasm with the default (browser) platform, peers with --platform=node --main-fields=module,main (node builtins external); gzip level 9 (node:zlib)`,
  rows,
});
