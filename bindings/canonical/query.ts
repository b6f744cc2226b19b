// CanonicalQueryString (AWS SigV4 documentation, "Create a canonical request"): names and values
// are percent-decoded as sent ('+' is a literal plus, RFC 3986), encoded once with UriEncode,
// and sorted by encoded name, then by encoded value; a name without '=' gets an empty value;
// repeated names are all kept; empty pairs ("a=1&&b=2") are dropped, as awscrt and smithy do.

import { uriEncode } from "./encode.js";

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

/** Byte order of ASCII strings is their UTF-16 code unit order, which `<` compares. */
function comparePairs(a: QueryPair, b: QueryPair): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}

function isSorted(pairs: readonly QueryPair[]): boolean {
  for (let i = 1; i < pairs.length; i++) if (comparePairs(pairs[i - 1], pairs[i]) > 0) return false;
  return true;
}

/** The canonical query string of encoded pairs (most clients send them sorted already: no copy then). */
export function canonicalQuery(pairs: QueryPair[]): string {
  const sorted = isSorted(pairs) ? pairs : pairs.slice().sort(comparePairs);
  let out = "";
  for (let i = 0; i < sorted.length; i++) out += (i === 0 ? "" : "&") + sorted[i][0] + "=" + sorted[i][1];
  return out;
}
