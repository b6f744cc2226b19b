// Copies the release cores into dist/: dist/workerd.js imports ./core-simd.wasm, and consumers
// of the "./core.wasm" and "./core-simd.wasm" exports compile them themselves for useCore (hosts
// that forbid compiling at run time take a precompiled module).
import { copyFileSync, existsSync, mkdirSync } from "node:fs";

const CORES = [
  ["build/release/core.wasm", "dist/core.wasm"],
  ["build/simd/core.wasm", "dist/core-simd.wasm"],
];

mkdirSync("dist", { recursive: true });
for (const [from, to] of CORES) {
  if (!existsSync(from)) {
    console.error(`${from} is missing: run npm run build:wasm first`);
    process.exit(1);
  }
  copyFileSync(from, to);
  console.log(`copied ${from} to ${to}`);
}
