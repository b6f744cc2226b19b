// Splits an absolute URL into what travels on the wire: origin, host, path and query.
//
// The WHATWG URL parser (what fetch and node:http send) rewrites many inputs: it lower-cases and
// IDNA-maps hosts, reads numeric hosts as IPv4, drops default ports, resolves dot segments,
// percent-encodes some characters and strips tabs and newlines. A URL in which none of that can
// happen comes out of the parser unchanged, so for those the split is a few indexOf calls; every
// other URL goes through `new URL` (about 0.3–0.9 µs a call, measured on this project's machine
// class with Node 20). test/url.test.ts checks the split against `new URL` on generated URLs.

import { SigningError } from "./errors.js";

export interface UrlParts {
  /** scheme://host[:port] */
  readonly origin: string;
  /** host[:port] */
  readonly host: string;
  /** The path as sent, never empty. */
  readonly path: string;
  /** The query as sent, without '?'. */
  readonly query: string;
  /** origin + path + ('?' + query when there is one): the URL as sent, without a fragment. */
  readonly href: string;
}

/** The URL that carries these parts. */
export function joinUrl(origin: string, path: string, query: string): string {
  return origin + path + (query === "" ? "" : "?" + query);
}

/** Characters the parser may change in a path: controls, space, " # < > ? ` { } \ and non-ASCII; '%' for encoded dots. */
function pathIsPlain(url: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = url.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f || c === 0x22 || c === 0x23 || c === 0x3c || c === 0x3e || c === 0x60 || c === 0x7b || c === 0x7d || c === 0x5c) return false;
    // A '.' that starts a segment may make a dot segment ("/./", "/../"); '%' may hide one ("%2e").
    if (c === 0x2e && url.charCodeAt(i - 1) === 0x2f) return false;
    if (c === 0x25 && url.charCodeAt(i + 1) === 0x32 && (url.charCodeAt(i + 2) | 0x20) === 0x65) return false;
  }
  return true;
}

/** Characters the parser encodes in a query of a special scheme: controls, space, " # < > ' and non-ASCII. */
function queryIsPlain(url: string, from: number): boolean {
  for (let i = from; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f || c === 0x22 || c === 0x23 || c === 0x3c || c === 0x3e || c === 0x27) return false;
  }
  return true;
}

/**
 * A host the parser keeps as it is: lower-case letters, digits, '-' and '.', no empty label, no
 * punycode label (IDNA validates those), and a last label that does not start with a digit (the
 * parser reads such hosts as IPv4 numbers).
 */
function hostIsPlain(url: string, from: number, to: number): boolean {
  if (from === to) return false;
  let labelStart = from;
  for (let i = from; i < to; i++) {
    const c = url.charCodeAt(i);
    if (c === 0x2e) {
      if (i === labelStart) return false;
      labelStart = i + 1;
    } else if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d)) {
      return false;
    } else if (i === labelStart && c === 0x78 && url.startsWith("xn--", i)) {
      return false;
    }
  }
  if (labelStart === to) return false;
  const first = url.charCodeAt(labelStart);
  return !(first >= 0x30 && first <= 0x39);
}

/** A port the parser keeps: 1–65535 without leading zeros, not the scheme's default. */
function portIsPlain(url: string, from: number, to: number, defaultPort: string): boolean {
  if (to - from < 1 || to - from > 5 || url.charCodeAt(from) === 0x30) return false;
  for (let i = from; i < to; i++) {
    const c = url.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  const port = url.slice(from, to);
  return port !== defaultPort && Number(port) <= 65535;
}

/** The split of a URL that needs no parsing, or undefined (the caller parses it). Exported for its test. */
export function splitPlain(url: string): UrlParts | undefined {
  const https = url.startsWith("https://");
  if (!https && !url.startsWith("http://")) return undefined;
  const hostStart = https ? 8 : 7;
  const q = url.indexOf("?", hostStart);
  const end = q < 0 ? url.length : q;
  let slash = url.indexOf("/", hostStart);
  if (slash < 0 || slash > end) slash = end;
  const colon = url.indexOf(":", hostStart);
  const hostEnd = colon < 0 || colon > slash ? slash : colon;
  if (!hostIsPlain(url, hostStart, hostEnd)) return undefined;
  if (hostEnd < slash && !portIsPlain(url, hostEnd + 1, slash, https ? "443" : "80")) return undefined;
  if (!pathIsPlain(url, slash, end) || (q >= 0 && !queryIsPlain(url, q + 1))) return undefined;
  const origin = url.slice(0, slash);
  const path = slash === end ? "/" : url.slice(slash, end);
  const query = q < 0 ? "" : url.slice(q + 1);
  // The string itself when it is already origin + path [+ '?' + query] (a path, no bare '?').
  const href = slash < end && q !== url.length - 1 ? url : joinUrl(origin, path, query);
  return { origin, host: url.slice(hostStart, slash), path, query, href };
}

function parsed(url: URL): UrlParts {
  if (url.host === "") throw new SigningError("InvalidUrl", "url", "has no host");
  const origin = `${url.protocol}//${url.host}`;
  const query = url.search.slice(1);
  return { origin, host: url.host, path: url.pathname, query, href: joinUrl(origin, url.pathname, query) };
}

function splitString(url: string): UrlParts {
  const plain = splitPlain(url);
  if (plain !== undefined) return plain;
  try {
    return parsed(new URL(url));
  } catch (e) {
    if (e instanceof SigningError) throw e;
    throw new SigningError("InvalidUrl", "url", "is not an absolute URL");
  }
}

// JSON APIs (KMS, STS, DynamoDB, Lambda…) take every call at one URL: the last split is reused
// (its parts are only read). Comparing a different URL stops at its first differing character.
let lastUrl = "";
let lastParts: UrlParts | undefined;

/** Splits an absolute URL (a string or a URL object) into the parts that are signed. */
export function splitUrl(url: string | URL): UrlParts {
  if (typeof url === "string") {
    if (url !== lastUrl || lastParts === undefined) {
      lastParts = splitString(url);
      lastUrl = url;
    }
    return lastParts;
  }
  if (url instanceof URL) return parsed(url);
  throw new SigningError("InvalidUrl", "url", "must be a string or a URL");
}
