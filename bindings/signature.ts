// The signature: hex(HMAC(kSigning, string to sign)), with the canonical request hashed and the
// string to sign completed inside the core, in one call when the canonical request fits INPUT.

import { SIGNATURE_HEX, type Core } from "./wasm/abi.js";
import { encodeUtf8, encodeUtf8Into, decodeAscii } from "./utf8.js";
import { releaseCtx, sha256Hex } from "./sha256.js";
import { SigningError } from "./errors.js";
import { viewsOf, type CoreViews } from "./core-views.js";
import { span } from "./bytes.js";
import { stringToSignPrefix, PREFIX_DATE_AT } from "./string-to-sign.js";

export interface Signature {
  signature: string;
  /** The complete string to sign, as the core finished it (prefix + hex SHA-256 of the canonical request). */
  stringToSign: string;
  /** The body's hex SHA-256, when the core hashed the body while signing (computeSignatureOfBody). */
  payloadHash?: string;
}

/**
 * Writes the string-to-sign prefix for `amzDate` and `scope` into STS. Under the scope STS already
 * holds, only the date's characters are written (a gateway's next request is usually a new second
 * under the same scope): 16 characters instead of the whole prefix, with no prefix string built.
 * The prefix is ASCII: the signer's settings and verify() accept only ASCII regions and services,
 * so its bytes are its characters and the whole string to sign can be read back from STS.
 */
function writePrefix(c: Core, v: CoreViews, amzDate: string, scope: string): void {
  if (scope === v.stsScope && amzDate.length === v.stsDate.length) {
    encodeUtf8Into(amzDate, v.sts, PREFIX_DATE_AT);
    v.stsDate = amzDate;
    return;
  }
  const prefix = stringToSignPrefix(amzDate, scope);
  if (prefix.length + 64 > c.stsSize) {
    throw new SigningError("RequestTooLarge", "options.region", "the credential scope is too long");
  }
  const length = encodeUtf8Into(prefix, v.sts, 0);
  // A new scope of the same length keeps the views: they are made again only when the length changes.
  if (length !== v.stsPrefixLen) {
    v.signed = span(c.mem, c.signature, c.sts + length + 64);
    v.hashSigned = span(c.mem, c.digestHex, c.sts + length + 64);
  }
  v.stsPrefixLen = length;
  v.stsDate = amzDate;
  v.stsScope = scope;
}

/** The core's views, CTX free for a signature and STS holding the prefix for `amzDate` and `scope`. */
function viewsWithPrefix(c: Core, amzDate: string, scope: string): CoreViews {
  releaseCtx(c);
  const v = viewsOf(c);
  if (v.stsDate !== amzDate || v.stsScope !== scope) writePrefix(c, v, amzDate, scope);
  return v;
}

/**
 * Signs `canonicalRequest` under the key already in HMAC_KEY (see SigningKeyCache.load), written to
 * INPUT by one encodeInto. Each call of Chromium's encodeInto costs about 200 ns before the first
 * character (Node's about 60): writing a canonical request and its payload hash as two strings cost
 * 790–850 ns in Chromium 150 against 680–700 for the two joined (Node 20: 120–160 against 107–168),
 * and signing shapes a and b took 9 % and 5 % less time there, the same in Node (interleaved A/B,
 * this project's machine class). canonicalRequest() keeps the joined string while the request repeats.
 */
export function computeSignature(c: Core, canonicalRequest: string, amzDate: string, scope: string): Signature {
  const v = viewsWithPrefix(c, amzDate, scope);
  const prefixLen = v.stsPrefixLen;
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
  // SIGNATURE ‖ STS read in one decode and sliced: 92 ns, against 155 ns for two 64-byte decodes
  // (TextDecoder, Node 20, measured on this project's machine class).
  const text = decodeAscii(v.signed, 0, v.signed.length);
  return { signature: text.slice(0, SIGNATURE_HEX), stringToSign: text.slice(SIGNATURE_HEX) };
}

/**
 * Signs a canonical request whose last line is the hash of `body`, hashed by the core in the same
 * call: `head` is the canonical request up to that line. Hashing the body on its own first costs a
 * call, the hash's own decode and its place in the joined string: signing shape b (a 594-byte JSON
 * body) took 0.95× the time this way, interleaved A/B over 61 rounds (Node 20, this project's
 * machine class). The body goes to the upper half of INPUT through a view made once (a view per
 * call at an offset would cost a heap object); one that does not fit there is hashed first.
 */
export function computeSignatureOfBody(c: Core, body: string | Uint8Array, head: string, amzDate: string, scope: string): Signature {
  const half = c.inputSize >> 1;
  const fits = (typeof body === "string" ? body.length * 3 : body.length) <= half && head.length * 3 + 64 <= half;
  if (!fits) {
    const payloadHash = sha256Hex(body);
    return { ...computeSignature(c, head + payloadHash, amzDate, scope), payloadHash };
  }
  const v = viewsWithPrefix(c, amzDate, scope);
  let bodyLen = body.length;
  if (typeof body === "string") bodyLen = encodeUtf8Into(body, v.body, 0);
  else v.body.set(body);
  c.fn.signBody(encodeUtf8Into(head, v.input, 0), half, bodyLen, v.stsPrefixLen);
  const text = decodeAscii(v.hashSigned, 0, v.hashSigned.length);
  return { signature: text.slice(SIGNATURE_HEX, 2 * SIGNATURE_HEX), stringToSign: text.slice(2 * SIGNATURE_HEX), payloadHash: text.slice(0, SIGNATURE_HEX) };
}
