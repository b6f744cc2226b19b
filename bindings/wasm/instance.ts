// A synchronous loader for the core. The module has no imports, so instantiation is
// `new WebAssembly.Module(bytes)` + `new WebAssembly.Instance(module, {})` and nothing else.
// (@assemblyscript/loader is deprecated since AssemblyScript 0.20, and its helpers exist for
// managed strings and arrays, which this pointer-only core never passes.)

import { CORE_BASE64 } from "./module.generated.js";
import { decodeBase64 } from "./base64.js";
import { bindCore, type Core } from "./abi.js";

let active: Core | undefined;

/**
 * Chooses the core used by every function of the library from then on: a precompiled
 * `WebAssembly.Module` (for hosts that forbid compiling at run time, such as Cloudflare workerd)
 * or the bytes of a core.wasm build. Without a call, the embedded release build is compiled on
 * first use.
 */
export function useCore(source: WebAssembly.Module | Uint8Array | ArrayBuffer): void {
  active = bindCore(new WebAssembly.Instance(toModule(source), {}));
}

function toModule(source: WebAssembly.Module | Uint8Array | ArrayBuffer): WebAssembly.Module {
  if (source instanceof Uint8Array || source instanceof ArrayBuffer) {
    return new WebAssembly.Module(source as Uint8Array<ArrayBuffer>);
  }
  // A Module from another realm (a vm context, a worker) fails instanceof but instantiates fine.
  if (source !== null && typeof source === "object" && Object.prototype.toString.call(source) === "[object WebAssembly.Module]") {
    return source;
  }
  throw new TypeError('"source" must be a WebAssembly.Module, a Uint8Array or an ArrayBuffer');
}

/** The active core, instantiated from the embedded module on first use. */
export function core(): Core {
  if (active === undefined) useCore(decodeBase64(CORE_BASE64));
  return active as Core;
}
