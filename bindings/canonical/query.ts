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
  if (raw === "") return pairs;
  for (const part of raw.split("&")) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    const name = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? "" : part.slice(eq + 1);
    pairs.push([uriEncode(name, "encoded-component", "url.query"), uriEncode(value, "encoded-component", "url.query")]);
  }
  return pairs;
}

/** Byte order of ASCII strings is their UTF-16 code unit order, which `<` compares. */
function comparePairs(a: QueryPair, b: QueryPair): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}

/** The canonical query string of encoded pairs. */
export function canonicalQuery(pairs: QueryPair[]): string {
  if (pairs.length === 0) return "";
  return pairs
    .slice()
    .sort(comparePairs)
    .map((p) => p[0] + "=" + p[1])
    .join("&");
}
