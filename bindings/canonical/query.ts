// CanonicalQueryString (AWS SigV4 documentation, "Create a canonical request"): names and values
// are percent-decoded as AWS reads them ('+' is a space, encode.ts), encoded once with UriEncode,
// and sorted by encoded name, then by encoded value; a name without '=' gets an empty value;
// repeated names are all kept; empty pairs ("a=1&&b=2") are dropped, as awscrt and smithy do.

import { uriEncode } from "./encode.js";
import { MAX_PLAIN_LENGTH } from "../url.js";

/** An encoded [name, value] pair. */
export type QueryPair = [string, string];

/** Parses a raw query string (without '?') into encoded pairs, in their original order. */
export function parseQuery(raw: string): QueryPair[] {
  const pairs: QueryPair[] = [];
  for (let start = 0; start < raw.length; ) {
    let end = raw.indexOf("&", start);
    if (end < 0) end = raw.length;
    if (end > start) {
      const eq = raw.indexOf("=", start);
      const split = eq < 0 || eq > end ? end : eq;
      const name = raw.slice(start, split);
      const value = split === end ? "" : raw.slice(split + 1, end);
      pairs.push([uriEncode(name, "encoded-component", "url.query"), uriEncode(value, "encoded-component", "url.query")]);
    }
    start = end + 1;
  }
  return pairs;
}

/** A query name or value decoded as the canonical query reads it ('+' is a space, encode.ts); undefined for a malformed escape. */
export function decodeComponent(text: string): string | undefined {
  try {
    return decodeURIComponent(text.includes("+") ? text.replace(/\+/g, " ") : text);
  } catch {
    return undefined;
  }
}

/**
 * The name of one `name=value` part of a query string as a server compares names: decoded and
 * lower-cased ("" when it cannot be decoded).
 */
export function paramName(part: string): string {
  const eq = part.indexOf("=");
  return (decodeComponent(eq < 0 ? part : part.slice(0, eq)) ?? "").toLowerCase();
}

/** Byte order of ASCII strings is their UTF-16 code unit order, which `<` compares. */
function comparePairs(a: QueryPair, b: QueryPair): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}

function isSorted(pairs: readonly QueryPair[]): boolean {
  for (let i = 1; i < pairs.length; i++) if (comparePairs(pairs[i - 1], pairs[i]) > 0) return false;
  return true;
}

// A query of unreserved characters, each pair with one '=', none empty: encoding changes nothing.
const PLAIN_QUERY = /^[A-Za-z0-9\-._~]+=[A-Za-z0-9\-._~]*(?:&[A-Za-z0-9\-._~]+=[A-Za-z0-9\-._~]*)*$/;

/** Compares raw[a0..a1) with raw[b0..b1) by UTF-16 code units (byte order for ASCII). */
function compareRanges(raw: string, a0: number, a1: number, b0: number, b1: number): number {
  for (; a0 < a1 && b0 < b1; a0++, b0++) {
    const d = raw.charCodeAt(a0) - raw.charCodeAt(b0);
    if (d !== 0) return d;
  }
  return a1 - a0 - (b1 - b0);
}

/** True when the plain query's pairs are in canonical order already (by name, then value), read in place. */
function plainIsSorted(raw: string): boolean {
  let start = 0;
  let previous = -1;
  let previousEq = -1;
  let previousEnd = -1;
  while (start < raw.length) {
    let end = raw.indexOf("&", start);
    if (end < 0) end = raw.length;
    const eq = raw.indexOf("=", start);
    if (previous >= 0) {
      const byName = compareRanges(raw, previous, previousEq, start, eq);
      if (byName > 0 || (byName === 0 && compareRanges(raw, previousEq + 1, previousEnd, eq + 1, end) > 0)) return false;
    }
    previous = start;
    previousEq = eq;
    previousEnd = end;
    start = end + 1;
  }
  return true;
}

// Query APIs (IAM, STS, EC2…) repeat one query from call to call: the last answer is reused.
let lastRaw = "";
let lastCanonical = "";

/**
 * The canonical query string of a raw query. Most clients send one that is canonical already
 * (unreserved characters, sorted): it is checked in place and returned as it is.
 */
export function canonicalQueryOf(raw: string): string {
  if (raw === "" || raw === lastRaw) return raw === "" ? raw : lastCanonical;
  const plain = raw.length <= MAX_PLAIN_LENGTH && PLAIN_QUERY.test(raw) && plainIsSorted(raw);
  const canonical = plain ? raw : canonicalQuery(parseQuery(raw));
  lastRaw = raw;
  lastCanonical = canonical;
  return canonical;
}

/** The canonical query string of encoded pairs (most clients send them sorted already: no copy then). */
export function canonicalQuery(pairs: QueryPair[]): string {
  const sorted = isSorted(pairs) ? pairs : pairs.slice().sort(comparePairs);
  let out = "";
  for (let i = 0; i < sorted.length; i++) out += (i === 0 ? "" : "&") + sorted[i][0] + "=" + sorted[i][1];
  return out;
}
