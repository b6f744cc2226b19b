// The package's default entry ("sigv4-wasm", also "sigv4-wasm/portable"): everything
// bindings/index.ts exports, plus the core in plain JavaScript (bindings/wasm/js-core.generated.ts,
// translated from the scalar WebAssembly build). It is used by useCore("js"), and automatically
// where WebAssembly is missing or refuses to compile (React Native's Hermes, node --jitless, hosts
// that forbid run-time compilation); elsewhere the WebAssembly cores are chosen as usual.
// "sigv4-wasm/wasm" (bindings/index.ts) leaves the JavaScript core out, for smaller bundles.

import { registerJsCore } from "./wasm/instance.js";
import { instantiate } from "./wasm/js-core.generated.js";

registerJsCore(instantiate);

export * from "./index.js";
