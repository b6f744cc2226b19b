// The entry for Cloudflare workerd (the `workerd` export condition). workerd refuses to compile
// WebAssembly at run time ("Wasm code generation disallowed by embedder"), so the embedded base64
// cores cannot be used there; a `.wasm` import is compiled by the host when the Worker is loaded
// and arrives as a WebAssembly.Module, which useCore() instantiates. workerd's V8 has WebAssembly
// SIMD, so this is the SIMD build (the one the main entry picks wherever SIMD validates).
// scripts/copy-wasm.mjs copies it beside this file.

import core from "./core-simd.wasm";
import { useCore } from "./wasm/instance.js";

useCore(core);

export * from "./index.js";
