// CanonicalHeaders and SignedHeaders (AWS SigV4 documentation, "Create a canonical request"):
// lower-case names sorted by byte order, each "name:value\n" with the values of a repeated name
// joined by ',' in request order.

/** A header name with its canonical (already trimmed) value. */
export interface CanonicalHeader {
  name: string;
  canonical: string;
}

export interface CanonicalHeaders {
  /** Every "name:value\n" line, concatenated. */
  block: string;
  /** The names joined by ';'. */
  signedHeaders: string;
}

export function canonicalHeaders(headers: readonly CanonicalHeader[]): CanonicalHeaders {
  const joined = new Map<string, string>();
  for (const h of headers) {
    const previous = joined.get(h.name);
    joined.set(h.name, previous === undefined ? h.canonical : previous + "," + h.canonical);
  }
  const names = [...joined.keys()].sort();
  let block = "";
  for (const name of names) block += name + ":" + joined.get(name) + "\n";
  return { block, signedHeaders: names.join(";") };
}
