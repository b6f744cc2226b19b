// The signature: hex(HMAC(kSigning, string to sign)), with the canonical request hashed and the
// string to sign completed inside the core, in one call when the canonical request fits INPUT.

import type { Core } from "./wasm/abi.js";
import { encodeUtf8, encodeUtf8Into, decodeAscii } from "./utf8.js";
import { releaseCtx } from "./sha256.js";
import { SigningError } from "./errors.js";
import { viewsOf } from "./core-views.js";
import { span } from "./bytes.js";

export interface Signature {
  signature: string;
  /** The complete string to sign, as the core finished it (prefix + hex SHA-256 of the canonical request). */
  stringToSign: string;
}

/** Signs under the key already in HMAC_KEY (see SigningKeyCache.load). */
export function computeSignature(c: Core, canonicalRequest: string, stsPrefix: string): Signature {
  if (stsPrefix.length + 64 > c.stsSize) {
    throw new SigningError("RequestTooLarge", "options.region", "the credential scope is too long");
  }
  releaseCtx(c);
  const v = viewsOf(c);
  const prefixLen = encodeUtf8Into(stsPrefix, v.sts, 0);
  if (canonicalRequest.length * 3 <= c.inputSize) {
    c.fn.sign(encodeUtf8Into(canonicalRequest, v.input, 0), prefixLen);
  } else {
    const bytes = encodeUtf8(canonicalRequest);
    c.fn.hashInit();
    let off = 0;
    for (; bytes.length - off > c.inputSize; off += c.inputSize) {
      c.mem.set(span(bytes, off, off + c.inputSize), c.input);
      c.fn.hashUpdate(c.inputSize);
    }
    c.mem.set(span(bytes, off), c.input);
    c.fn.signFinal(bytes.length - off, prefixLen);
  }
  return {
    signature: decodeAscii(v.signature, 0, 64),
    stringToSign: stsPrefix + decodeAscii(v.sts, prefixLen, prefixLen + 64),
  };
}
