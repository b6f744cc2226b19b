// The SHA-256 compression function (RFC 6234 §6.2) of this build: the WebAssembly SIMD form when
// compiled with SIMD enabled (asconfig target "simd"), the scalar form otherwise. ASC_FEATURE_SIMD
// is a compile-time constant, so each build contains exactly one of them.

import { compress as compressScalar } from "./sha256-compress.generated";
import { compress as compressSimd } from "./sha256-compress-simd.generated";

/** Processes the 64-byte block at `block` into the state H at `state`. */
@inline export function compress(state: usize, block: usize): void {
  if (ASC_FEATURE_SIMD) compressSimd(state, block);
  else compressScalar(state, block);
}
