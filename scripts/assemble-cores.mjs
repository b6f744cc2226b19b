// Writes the two release cores from build/base/core.wasm (the core compiled with the readable
// compress loop): build/release/core.wasm with the unrolled scalar compress and build/simd/core.wasm
// with the SIMD one, by the same code the loader runs on the embedded base (bindings/wasm/embedded.ts,
// bundled here with esbuild).
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { coreLayout } from "./core-layout.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const BASE = "build/base/core.wasm";
const OUT = [
  ["scalar", "build/release"],
  ["simd", "build/simd"],
];

const bundled = await build({
  stdin: { contents: 'export { assembleCore } from "./bindings/wasm/embedded.ts";', resolveDir: root, loader: "ts", sourcefile: "assemble.ts" },
  bundle: true,
  format: "esm",
  platform: "neutral",
  write: false,
});
const { assembleCore } = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString("base64")}`);

const base = readFileSync(`${root}${BASE}`);
const layout = coreLayout(base);
for (const [form, dir] of OUT) {
  const bytes = assembleCore(new Uint8Array(base), layout, form);
  if (!WebAssembly.validate(bytes)) throw new Error(`the ${form} core assembled from ${BASE} does not validate`);
  mkdirSync(`${root}${dir}`, { recursive: true });
  writeFileSync(`${root}${dir}/core.wasm`, bytes);
  // The text form, to read the written code (binaryen's wasm-dis, which AssemblyScript installs).
  const dis = spawnSync(process.execPath, [`${root}node_modules/binaryen/bin/wasm-dis`, `${root}${dir}/core.wasm`, "-o", `${root}${dir}/core.wat`], { encoding: "utf8" });
  if (dis.status !== 0) throw new Error(`wasm-dis failed on ${dir}/core.wasm: ${dis.stderr}`);
  console.log(`wrote ${dir}/core.wasm (${form} compress, ${bytes.length} bytes) and core.wat`);
}
