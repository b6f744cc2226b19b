// Splits an absolute URL into what travels on the wire: origin, host, path and query.
//
// The WHATWG URL parser (what fetch and node:http send) rewrites many inputs: it lower-cases and
// IDNA-maps hosts, reads numeric hosts as IPv4, drops default ports, resolves dot segments,
// percent-encodes some characters and strips tabs and newlines. A URL in which none of that can
// happen comes out of the parser unchanged, so for those the split is one regular expression and a
// few indexOf calls; every other URL goes through `new URL` (about 0.3–0.9 µs a call, measured on this project's machine
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

/**
 * A URL the parser keeps as it is, checked in one pass:
 * - scheme http or https;
 * - host: labels of lower-case letters, digits and '-', none empty, none punycode ("xn--", which
 *   IDNA validates), the last one not starting with a digit (the parser reads such hosts as IPv4);
 * - port: 1–5 digits without a leading zero (portIsPlain checks the value);
 * - path: no control, space, " # < > ` { } \ ^ or non-ASCII character, no segment starting with '.'
 *   (a dot segment may follow) and no "%2e" (an encoded one). '^' joined the parser's path
 *   percent-encode set in 2025 (whatwg/url #846), so whether it stays depends on the runtime's
 *   parser: such a URL goes to `new URL`, which answers for the runtime that will send it;
 * - query: no control, space, " # < > ' or non-ASCII character (the parser encodes those).
 * One regular expression costs about half what a character loop over the same URL does (75
 * characters: 131–237 ns against 422–466 ns, measured on this project's machine class with Node 20).
 */
const PLAIN_URL =
  /^https?:\/\/(?:(?!xn--)[a-z0-9-]+\.)*(?!xn--)[a-z-][a-z0-9-]*(?::[1-9][0-9]{0,4})?(?:\/(?!\.)(?:[^\x00-\x20\x7f-\uffff"#<>`{}\\^?/%]|%(?!2[eE]))*)*(?:\?[^\x00-\x20\x7f-\uffff"#<>']*)?$/;

/** A port the parser keeps (PLAIN_URL checked its digits): not the scheme's default, at most 65535. */
function portIsPlain(port: string, https: boolean): boolean {
  return port !== (https ? "443" : "80") && Number(port) <= 65535;
}

/**
 * The longest input the fast paths' regular expressions read (here and canonical/query.ts):
 * their repeated groups recurse in V8, which runs out of stack past about 8 million characters.
 * A longer URL goes to the parser, a longer query to the general canonicalisation.
 */
export const MAX_PLAIN_LENGTH = 65536;

/** The split of a URL that needs no parsing, or undefined (the caller parses it). Exported for its test. */
export function splitPlain(url: string): UrlParts | undefined {
  if (url.length > MAX_PLAIN_LENGTH || !PLAIN_URL.test(url)) return undefined;
  const https = url.charCodeAt(4) === 0x73; // "https:" rather than "http:"
  const hostStart = https ? 8 : 7;
  const q = url.indexOf("?", hostStart);
  const end = q < 0 ? url.length : q;
  let slash = url.indexOf("/", hostStart);
  if (slash < 0 || slash > end) slash = end;
  const colon = url.indexOf(":", hostStart);
  if (colon >= 0 && colon < slash && !portIsPlain(url.slice(colon + 1, slash), https)) return undefined;
  const origin = url.slice(0, slash);
  const path = slash === end ? "/" : url.slice(slash, end);
  const query = q < 0 ? "" : url.slice(q + 1);
  // The string itself when it is already origin + path [+ '?' + query] (a path, no bare '?').
  const href = slash < end && q !== url.length - 1 ? url : joinUrl(origin, path, query);
  return { origin, host: url.slice(hostStart, slash), path, query, href };
}

function parsed(url: URL): UrlParts {
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new SigningError("InvalidUrl", "url", "must be an http or https URL");
  // fetch refuses such URLs, and signing one would drop the credentials without a word.
  if (url.username !== "" || url.password !== "") throw new SigningError("InvalidUrl", "url", "must not carry a user name or password (user:password@host)");
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
