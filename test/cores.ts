// The cores that every core-dependent test runs against, each as useCore() accepts it.
import { readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { embeddedCore } from "../bindings/wasm/embedded.js";
import { registerJsCore } from "../bindings/wasm/instance.js";
import { instantiate as instantiateJs } from "../bindings/wasm/js-core.generated.js";
import type { CoreExports } from "../bindings/wasm/abi.js";

const root = fileURLToPath(new URL("..", import.meta.url));

function build(name: string): WebAssembly.Module {
  const path = `${root}build/${name}/core.wasm`;
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build first (npm test does)`);
  return new WebAssembly.Module(readFileSync(path));
}

// useCore("js") needs the JavaScript core registered, as the portable entry does.
registerJsCore(instantiateJs);

export type TestCore = WebAssembly.Module | "js";

/**
 * [name, core] for describe.each: the two embedded cores as the loader assembles them (what ships;
 * SIMD is what engines with WebAssembly SIMD run), the debug build (the readable compress loop,
 * asserts on) and the JavaScript translation of the scalar build.
 */
export const CORES: [string, TestCore][] = [
  ["SIMD (embedded)", new WebAssembly.Module(embeddedCore("simd"))],
  ["scalar (embedded)", new WebAssembly.Module(embeddedCore("scalar"))],
  ["debug", build("debug")],
  ["JavaScript", "js"],
];

/** The WebAssembly cores of CORES. */
export const WASM_CORES = CORES.filter((entry): entry is [string, WebAssembly.Module] => entry[1] !== "js");

/** A new, independent instance of a core's exports. */
export function instantiateCore(core: TestCore): CoreExports {
  return core === "js" ? instantiateJs() : (new WebAssembly.Instance(core, {}).exports as unknown as CoreExports);
}

/** The core named `name` in CORES. */
export function coreNamed(name: string): TestCore {
  const entry = CORES.find(([n]) => n === name);
  if (entry === undefined) throw new Error(`no core named ${name}`);
  return entry[1];
}
