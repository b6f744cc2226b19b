// The two WebAssembly cores the package embeds, made from one embedded base module: the core as
// compiled, with the readable compress loop, whose body is replaced by the unrolled scalar or SIMD
// form (compress-body.ts). The result is byte for byte the shipped build/release/core.wasm or
// build/simd/core.wasm (test/compress.test.ts), which scripts/assemble-cores.mjs writes the same way.

import { BASE_CORE_BASE64, CORE_LAYOUT } from "./module.generated.js";
import { decodeEmbedded } from "./base64.js";
import { compressBody, type CompressForm, type CompressLayout } from "./compress-body.js";
import { dataWords, replaceBody } from "./splice.js";

/** Where compress is in the base (its function index), and the memory it uses. */
export interface CoreLayout extends CompressLayout {
  readonly compress: number;
}

/** The core with the `form` compression, from a base module whose layout is `layout`. */
export function assembleCore(base: Uint8Array, layout: CoreLayout, form: CompressForm): Uint8Array<ArrayBuffer> {
  const k = dataWords(base, layout.k256, 64);
  return replaceBody(base, layout.compress, compressBody(form, k, layout));
}

/** The embedded core with the `form` compression, as bytes to compile. */
export function embeddedCore(form: CompressForm): Uint8Array<ArrayBuffer> {
  return assembleCore(decodeEmbedded(BASE_CORE_BASE64), CORE_LAYOUT, form);
}
