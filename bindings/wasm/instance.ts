// Chooses the core and instantiates it synchronously, on first use. Three cores share one ABI
// (abi.ts): the WebAssembly build with SIMD compression, the scalar WebAssembly build for engines
// without WebAssembly SIMD, and the JavaScript translation of the scalar build for engines without
// WebAssembly, which the default entry (bindings/portable.ts) carries and registers here and the
// WebAssembly-only entry (sigv4-wasm/wasm, bindings/index.ts) leaves out.
// The modules have no imports, so instantiation is `new WebAssembly.Module(bytes)` +
// `new WebAssembly.Instance(module, {})` and nothing else. (@assemblyscript/loader is deprecated
// since AssemblyScript 0.20, and its helpers exist for managed strings and arrays, which this
// pointer-only core never passes.) WebAssembly is looked up when a core is made, not when this
// file loads, so the library loads everywhere and only a core that cannot be made fails.

import { embeddedCore } from "./embedded.js";
import type { CompressForm } from "./compress-body.js";
import { bindCore, type Core, type CoreExports } from "./abi.js";
import { isArrayBuffer } from "../bytes.js";

/** The built-in cores: WebAssembly with SIMD compression, WebAssembly without SIMD, plain JavaScript. */
export type CoreName = "simd" | "scalar" | "js";

/** What useCore() accepts: a built-in core by name, a precompiled module, or the bytes of a core.wasm build. */
export type CoreSource = CoreName | WebAssembly.Module | Uint8Array | ArrayBuffer;

const PORTABLE = 'import "sigv4-wasm" (its default entry, also "sigv4-wasm/portable") instead of "sigv4-wasm/wasm": it falls back to a pure-JavaScript core, and useCore("js") selects it';

let active: Core | undefined;
let activeName: CoreName | "module" | undefined;
let jsCore: (() => CoreExports) | undefined;

/**
 * Chooses the core used by every function of the library from then on: "simd", "scalar" or "js"
 * (the JavaScript core, not in the WebAssembly-only entry), a precompiled `WebAssembly.Module` (for hosts
 * that forbid compiling at run time, such as Cloudflare workerd), or the bytes of a core.wasm build.
 * Without a call, the best available core is chosen on first use: "simd" where the engine
 * validates WebAssembly SIMD, "scalar" otherwise, and (default entry) "js" where
 * WebAssembly is missing or refuses to compile.
 */
export function useCore(source: CoreSource): void {
  if (typeof source === "string") useNamed(source);
  else activate(instantiate(toModule(source)), "module");
}

/** The active core, chosen and instantiated on first use. */
export function core(): Core {
  if (active === undefined) useBest();
  return active as Core;
}

/** The name of the active core ("module" after useCore with a module or bytes), choosing it first if needed. */
export function coreName(): CoreName | "module" {
  core();
  return activeName as CoreName | "module";
}

/** Makes the JavaScript core available to useCore("js") and as the fallback (bindings/portable.ts). */
export function registerJsCore(instantiateJs: () => CoreExports): void {
  jsCore = instantiateJs;
}

function activate(next: Core, name: CoreName | "module"): void {
  active = next;
  activeName = name;
}

/**
 * A module of one function, i8x16.popcnt(i8x16.splat(0)), that validates exactly where WebAssembly
 * SIMD does. Validating it instead of the SIMD core itself spares a cold start a full pass over the
 * core (0.4–3 ms in Node 20 on this project's machine class), which compiling it repeats anyway.
 */
export const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);

const hasSimd = (): boolean => webAssembly().validate(SIMD_PROBE);

function useNamed(name: string): void {
  if (name === "simd") {
    if (!hasSimd()) throw new Error('This engine cannot compile WebAssembly SIMD: use useCore("scalar")');
    activate(wasmCore("simd"), "simd");
  } else if (name === "scalar") {
    activate(wasmCore("scalar"), "scalar");
  } else if (name === "js") {
    if (jsCore === undefined) throw new Error(`The JavaScript core is not part of this entry: ${PORTABLE}`);
    activate(bindCore(jsCore()), "js");
  } else {
    throw sourceError();
  }
}

function useBest(): void {
  try {
    const [best, name] = bestWasmCore();
    activate(best, name);
  } catch (cause) {
    if (jsCore === undefined) throw new Error(`Cannot start the WebAssembly core (${describe(cause)}): ${PORTABLE}`, { cause });
    activate(bindCore(jsCore()), "js");
  }
}

/** The SIMD core where SIMD validates and the core compiles, the scalar core otherwise. */
function bestWasmCore(): [Core, CoreName] {
  if (hasSimd()) {
    try {
      return [wasmCore("simd"), "simd"];
    } catch (e) {
      if (!(e instanceof webAssembly().CompileError)) throw e;
    }
  }
  return [wasmCore("scalar"), "scalar"];
}

/** An instance of the embedded core with the `form` compression. */
function wasmCore(form: CompressForm): Core {
  return instantiate(toModule(embeddedCore(form)));
}

function webAssembly(): typeof WebAssembly {
  const wasm = (globalThis as { WebAssembly?: typeof WebAssembly }).WebAssembly;
  if (typeof wasm !== "object" || wasm === null) throw new Error("this JavaScript engine has no WebAssembly");
  return wasm;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function instantiate(module: WebAssembly.Module): Core {
  return bindCore(new (webAssembly().Instance)(module, {}).exports as unknown as CoreExports);
}

function toModule(source: WebAssembly.Module | Uint8Array | ArrayBuffer): WebAssembly.Module {
  if (source instanceof Uint8Array || isArrayBuffer(source)) {
    return new (webAssembly().Module)(source as Uint8Array<ArrayBuffer>);
  }
  // A Module from another realm (a vm context, a worker) fails instanceof but instantiates fine.
  if (source !== null && typeof source === "object" && Object.prototype.toString.call(source) === "[object WebAssembly.Module]") {
    return source;
  }
  throw sourceError();
}

function sourceError(): TypeError {
  return new TypeError('"source" must be "simd", "scalar", "js", a WebAssembly.Module, a Uint8Array or an ArrayBuffer');
}
