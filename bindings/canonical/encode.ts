// SigV4 URI encoding (AWS SigV4 documentation, "Create a canonical request": UriEncode):
// every byte of the UTF-8 form is written as %XX with upper-case hex, except the RFC 3986 §2.3
// unreserved characters A–Z a–z 0–9 - . _ ~.
//
// Text that arrives encoded is first decoded the way AWS reads it, where a raw '+' is a space
// (%20) and a plus travels as %2B:
// - in a query, for every service: the form encoding URLSearchParams and HTML forms write. AWS's
//   Go SDK v2, aws4 and MinIO sign it so, and botocore does when presigning;
// - in an S3 path: S3's own <CanonicalRequest> for `/libstdc++-docs.x86_64.rpm` reads
//   `/libstdc%20%20-docs.x86_64.rpm` (anomalizer/ngx_aws_auth#87).
// Signing it as %2B makes every such URL a 403 SignatureDoesNotMatch.

import { SigningError } from "../errors.js";
import { encodeUtf8 } from "../utf8.js";

const HEX = "0123456789ABCDEF";
const UNRESERVED_ONLY = /^[A-Za-z0-9\-._~]*$/;
const UNRESERVED_OR_SLASH = /^[A-Za-z0-9\-._~/]*$/;

function isUnreserved(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e || c === 0x5f || c === 0x7e;
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

function escapeByte(b: number): string {
  return "%" + HEX[b >> 4] + HEX[b & 15];
}

/** How `encode` treats a '%' and a '/' in its input. */
export type EncodeMode =
  /** Text that is not encoded yet: '%' becomes %25; '/' is kept (a path) */
  | "raw-path"
  /** Text that is already percent-encoded once (an S3 path): each %XX is decoded to its byte, '+' is a space, and the result encoded once; '/' is kept */
  | "encoded-path"
  /** A query name or value, already percent-encoded once: as "encoded-path", and '/' is encoded too */
  | "encoded-component"
  /** A value that is not encoded yet (the presigning parameters): '%' and '/' are encoded */
  | "raw-component";

/** Encodes `text` per UriEncode; `field` names the input in errors about malformed escapes. */
export function uriEncode(text: string, mode: EncodeMode, field: string): string {
  const keepSlash = mode === "raw-path" || mode === "encoded-path";
  if ((keepSlash ? UNRESERVED_OR_SLASH : UNRESERVED_ONLY).test(text)) return text;
  const decode = mode === "encoded-path" || mode === "encoded-component";
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isUnreserved(c) || (keepSlash && c === 0x2f)) {
      out += text[i];
    } else if (decode && c === 0x25) {
      const hi = hexValue(text.charCodeAt(i + 1));
      const lo = hexValue(text.charCodeAt(i + 2));
      if (hi < 0 || lo < 0) {
        throw new SigningError("InvalidPercentEncoding", field, `malformed percent-escape at offset ${i} (a '%' must be followed by two hex digits)`);
      }
      const b = (hi << 4) | lo;
      out += isUnreserved(b) ? String.fromCharCode(b) : escapeByte(b);
      i += 2;
    } else if (decode && c === 0x2b) {
      out += "%20";
    } else if (c < 0x80) {
      out += escapeByte(c);
    } else {
      const pair = c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      const end = pair ? i + 2 : i + 1;
      for (const b of encodeUtf8(text.slice(i, end))) out += escapeByte(b);
      i = end - 1;
    }
  }
  return out;
}
