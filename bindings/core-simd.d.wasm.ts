// The type of `import core from "./core-simd.wasm"` (bindings/workerd.ts): hosts that load .wasm
// modules (workerd, wrangler, bundlers) hand over the compiled module. Read by tsc through
// allowArbitraryExtensions; it is not emitted.
declare const core: WebAssembly.Module;
export default core;
