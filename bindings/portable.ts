// The portable entry ("sigv4-wasm/portable"): everything the main entry exports, plus the core in
// plain JavaScript (bindings/wasm/js-core.generated.ts, translated from the scalar WebAssembly
// build). It is used by useCore("js"), and automatically where WebAssembly is missing or refuses
// to compile (React Native's Hermes, hosts that forbid run-time compilation); elsewhere the
// WebAssembly cores are chosen as in the main entry. The main entry leaves it out to stay small.

import { registerJsCore } from "./wasm/instance.js";
import { instantiate } from "./wasm/js-core.generated.js";

registerJsCore(instantiate);

export * from "./index.js";
