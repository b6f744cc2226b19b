// The signature: hex(HMAC(kSigning, string to sign)), with the canonical request hashed and the
// string to sign completed inside the core, in one call when the canonical request fits INPUT.

import { SIGNATURE_HEX, type Core } from "./wasm/abi.js";
import { encodeUtf8, encodeUtf8Into, decodeAscii } from "./utf8.js";
import { releaseCtx, sha256Hex } from "./sha256.js";
import { SigningError } from "./errors.js";
import { viewsOf, type CoreViews } from "./core-views.js";
import { span } from "./bytes.js";

export interface Signature {
  signature: string;
  /** The complete string to sign, as the core finished it (prefix + hex SHA-256 of the canonical request). */
  stringToSign: string;
  /** The body's hex SHA-256, when the core hashed the body while signing (computeSignatureOfBody). */
  payloadHash?: string;
}

/**
 * Writes a new string-to-sign prefix into STS; the view of signature and string to sign follows its
 * length. The prefix is ASCII: the signer's settings and verify() accept only ASCII regions and
 * services, so its bytes are its characters and the whole string to sign can be read back from STS.
 */
function writePrefix(c: Core, v: CoreViews, stsPrefix: string): void {
  if (stsPrefix.length + 64 > c.stsSize) {
    throw new SigningError("RequestTooLarge", "options.region", "the credential scope is too long");
  }
  const length = encodeUtf8Into(stsPrefix, v.sts, 0);
  // A new date keeps the length: the views are made again only when the scope's length changes.
  if (length !== v.stsPrefixLen) {
    v.signed = span(c.mem, c.signature, c.sts + length + 64);
    v.hashSigned = span(c.mem, c.digestHex, c.sts + length + 64);
  }
  v.stsPrefixLen = length;
  v.stsPrefix = stsPrefix;
}

/** The core's views, CTX free for a signature and STS holding `stsPrefix`. */
function viewsWithPrefix(c: Core, stsPrefix: string): CoreViews {
  releaseCtx(c);
  const v = viewsOf(c);
  if (v.stsPrefix !== stsPrefix) writePrefix(c, v, stsPrefix);
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
export function computeSignature(c: Core, canonicalRequest: string, stsPrefix: string): Signature {
  const v = viewsWithPrefix(c, stsPrefix);
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
export function computeSignatureOfBody(c: Core, body: string | Uint8Array, head: string, stsPrefix: string): Signature {
  const half = c.inputSize >> 1;
  const fits = (typeof body === "string" ? body.length * 3 : body.length) <= half && head.length * 3 + 64 <= half;
  if (!fits) {
    const payloadHash = sha256Hex(body);
    return { ...computeSignature(c, head + payloadHash, stsPrefix), payloadHash };
  }
  const v = viewsWithPrefix(c, stsPrefix);
  let bodyLen = body.length;
  if (typeof body === "string") bodyLen = encodeUtf8Into(body, v.body, 0);
  else v.body.set(body);
  c.fn.signBody(encodeUtf8Into(head, v.input, 0), half, bodyLen, v.stsPrefixLen);
  const text = decodeAscii(v.hashSigned, 0, v.hashSigned.length);
  return { signature: text.slice(SIGNATURE_HEX, 2 * SIGNATURE_HEX), stringToSign: text.slice(2 * SIGNATURE_HEX), payloadHash: text.slice(0, SIGNATURE_HEX) };
}
