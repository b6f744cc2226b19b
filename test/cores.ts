// The builds of the core that every core-dependent test runs against.
import { readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CORE_BASE64 } from "../bindings/wasm/module.generated.js";
import { decodeBase64 } from "../bindings/wasm/base64.js";

const root = fileURLToPath(new URL("..", import.meta.url));

function build(name: string): WebAssembly.Module {
  const path = `${root}build/${name}/core.wasm`;
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build first (npm test does)`);
  return new WebAssembly.Module(readFileSync(path));
}

/** [name, module] for describe.each: the embedded release module (what ships) and the debug build (asserts on). */
export const CORES: [string, WebAssembly.Module][] = [
  ["release (embedded)", new WebAssembly.Module(decodeBase64(CORE_BASE64))],
  ["debug", build("debug")],
];
