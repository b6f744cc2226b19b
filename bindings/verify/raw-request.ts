// A raw HTTP/1.1 request as bytes (RFC 9112): the request line, header lines, an empty line and
// the body, with CRLF or bare LF line ends (files written by hand, the AWS suite's request.txt).
// Folded header lines (obs-fold) are joined to the previous value with one space; a body sent
// with Transfer-Encoding: chunked is decoded. The head is read as UTF-8, so that a raw UTF-8 path
// (the AWS suite's get-utf8: "GET /ሴ HTTP/1.1") reaches canonicalisation as the characters it
// encodes (a head that is not UTF-8 is read byte for byte); non-ASCII in a signed header value is
// refused by the signer's rules either way.

import type { VerifyRequest } from "./types.js";
import { decodeUtf8 } from "../utf8.js";

/** Each byte as the character of the same code (ISO 8859-1), for header bytes that are not UTF-8. */
function latin1Text(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return s;
}

export interface RawHttpRequest {
  method: string;
  /** The request target as written ("/path?query"). */
  target: string;
  headers: [string, string][];
  body: Uint8Array;
}

/** Where the head ends and the body starts (after CRLF CRLF or LF LF), or the end for a request without a body. */
function headEnd(bytes: Uint8Array): { head: number; body: number } {
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] !== 0x0a) continue;
    if (bytes[i + 1] === 0x0a) return { head: i, body: i + 2 };
    if (bytes[i + 1] === 0x0d && bytes[i + 2] === 0x0a) return { head: i, body: i + 3 };
  }
  return { head: bytes.length, body: bytes.length };
}

/** A chunked body (RFC 9112 §7.1) decoded; undefined when it is not well formed. */
function dechunk(body: Uint8Array): Uint8Array | undefined {
  const parts: Uint8Array[] = [];
  let at = 0;
  for (;;) {
    const eol = body.indexOf(0x0a, at);
    if (eol < 0) return undefined;
    const size = parseInt(latin1Text(body.subarray(at, eol)).split(";", 1)[0].trim(), 16);
    if (!Number.isInteger(size) || size < 0) return undefined;
    if (size === 0) break;
    const start = eol + 1;
    if (start + size > body.length) return undefined;
    parts.push(body.subarray(start, start + size));
    at = start + size + (body[start + size] === 0x0d ? 2 : 1);
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

function parseHeaders(lines: string[]): [string, string][] {
  const headers: [string, string][] = [];
  for (const line of lines) {
    if (line === "") continue;
    if ((line[0] === " " || line[0] === "\t") && headers.length > 0) {
      headers[headers.length - 1][1] += " " + line.trim();
      continue;
    }
    const colon = line.indexOf(":");
    // RFC 9112 §5: the field value is what lies between optional whitespace.
    if (colon > 0) headers.push([line.slice(0, colon), line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, "")]);
  }
  return headers;
}

/** The request in `bytes`, or a message saying why it is not one. */
export function parseHttpRequest(bytes: Uint8Array): RawHttpRequest | string {
  const { head, body } = headEnd(bytes);
  const headBytes = bytes.subarray(0, head);
  const lines = (decodeUtf8(headBytes) ?? latin1Text(headBytes)).replace(/\r/g, "").split("\n");
  // The target ends before " HTTP/1.1"; it may hold raw spaces (the AWS suite's "GET /example space/").
  const m = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+) (.*?)(?: HTTP\/\d(?:\.\d)?)?$/.exec(lines[0]);
  // RFC 9112 §3.2: origin-form ("/…"), absolute-form ("scheme://…") or asterisk-form.
  if (m === null || !/^(?:\/|\*$|[A-Za-z][A-Za-z0-9+.-]*:\/\/)/.test(m[2])) return "the first line is not an HTTP request line (METHOD TARGET HTTP/1.1)";
  const headers = parseHeaders(lines.slice(1));
  let payload = bytes.subarray(body);
  const chunked = headers.some(([n, v]) => n.toLowerCase() === "transfer-encoding" && /(^|,)\s*chunked\s*$/i.test(v));
  if (chunked) {
    const decoded = dechunk(payload);
    if (decoded === undefined) return "the body is sent with Transfer-Encoding: chunked but is not well-formed chunked data";
    payload = decoded;
  }
  return { method: m[1], target: m[2], headers, body: payload };
}

/** The parsed request in the form verify() takes. */
export function toVerifyRequest(raw: RawHttpRequest): VerifyRequest {
  return { method: raw.method, url: raw.target, headers: raw.headers, body: raw.body };
}
