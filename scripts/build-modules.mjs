// Writes the package's JavaScript: each entry of package.json's "exports" (and the bin) as one
// ES module, code shared between entries in dist/chunks/, so that every entry shares one copy of
// the library's state (the core instance, the reuse memos). tsc writes only the declarations
// (tsconfig: emitDeclarationOnly). One file per entry instead of one per source module: importing
// sigv4-wasm/wasm in Node 20 took 30–40 ms across ~40 modules and 11–14 ms as this entry and its
// chunks (measured on this project's machine class); bench:cold-start reports the import time.
import { build } from "esbuild";
import { existsSync, readdirSync, rmSync } from "node:fs";

const ENTRIES = [
  "bindings/index.ts", // sigv4-wasm/wasm
  "bindings/portable.ts", // sigv4-wasm, sigv4-wasm/portable
  "bindings/workerd.ts", // the workerd condition
  "bindings/server.ts", // sigv4-wasm/server
  "bindings/node-hasher.ts", // sigv4-wasm/node
  "bindings/cli/main.ts", // the sigv4 bin
  // Not exported: the internals bench/ and examples/ drive beside the entries above (sharing their state).
  "bindings/wasm/instance.ts",
  "bindings/wasm/abi.ts",
  "bindings/wasm/base64.ts",
  "bindings/wasm/embedded.ts",
  "bindings/wasm/module.generated.ts",
  "bindings/wasm/js-core.generated.ts",
  "bindings/sha256.ts",
  "bindings/cli/output.ts",
];

// Every .js in dist/ but the script bundle (scripts/build-script-bundle.mjs) is this script's: none of
// an earlier build may linger, neither chunks under an older hash nor the one-file-per-module output
// of older versions, or `npm pack` would ship them.
if (existsSync("dist")) {
  for (const file of readdirSync("dist", { recursive: true })) {
    if (String(file).endsWith(".js") && file !== "sigv4.iife.js") rmSync(`dist/${file}`);
  }
}

await build({
  entryPoints: ENTRIES,
  outdir: "dist",
  outbase: "bindings",
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "neutral",
  target: "es2022",
  // node:crypto (sigv4-wasm/node), node:http (the server) and the CLI's node: modules stay imports;
  // the workerd entry's core is compiled by the host from the .wasm file beside it.
  external: ["node:*", "*.wasm"],
  logLevel: "warning",
});
console.log(`wrote dist/: ${ENTRIES.length} entries (ES modules), shared code in dist/chunks/`);
