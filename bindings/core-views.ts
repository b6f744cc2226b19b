// Views over the core's regions, made once per core instead of a subarray per call (a view is a
// heap object; signing allocates as little as it can). The core's memory never grows, so a view
// never detaches.

import { HMAC_KEY_SIZE, type Core } from "./wasm/abi.js";
import { span } from "./bytes.js";

export interface CoreViews {
  core: Core;
  /** INPUT, whole. */
  input: Uint8Array;
  /** DIGEST_HEX: the last digest as hex, once digestHex() has written it. */
  hex: Uint8Array;
  /** HMAC_KEY: the loaded key's two midstates. */
  hmacKey: Uint8Array;
  /** STS, whole. */
  sts: Uint8Array;
  /**
   * The date and scope of the string-to-sign prefix STS holds, and the prefix's length in bytes:
   * only signature.ts writes STS, and the core only appends after the prefix, so a prefix repeated
   * within a second is not written again.
   */
  stsDate: string;
  stsScope: string;
  stsPrefixLen: number;
  /**
   * SIGNATURE then STS (adjacent, see bindCore) up to the end of the string to sign under that
   * prefix: the signature and the string to sign in one read, through a view made once per prefix.
   */
  signed: Uint8Array;
  /** The same run from DIGEST_HEX, which directly precedes SIGNATURE: after signBody(), the body's hash too. */
  hashSigned: Uint8Array;
  /** The upper half of INPUT, where signBody() reads a body (the canonical request goes at INPUT's start). */
  body: Uint8Array;
}

let views: CoreViews | undefined;

export function viewsOf(c: Core): CoreViews {
  if (views === undefined || views.core !== c) {
    views = {
      core: c,
      input: span(c.mem, c.input, c.input + c.inputSize),
      hex: span(c.mem, c.digestHex, c.digestHex + 64),
      hmacKey: span(c.mem, c.hmacKey, c.hmacKey + HMAC_KEY_SIZE),
      sts: span(c.mem, c.sts, c.sts + c.stsSize),
      stsDate: "",
      stsScope: "",
      stsPrefixLen: 0,
      signed: span(c.mem, c.signature, c.sts + 64),
      hashSigned: span(c.mem, c.digestHex, c.sts + 64),
      body: span(c.mem, c.input + (c.inputSize >> 1), c.input + c.inputSize),
    };
  }
  return views;
}
