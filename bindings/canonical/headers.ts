// CanonicalHeaders and SignedHeaders (AWS SigV4 documentation, "Create a canonical request"):
// lower-case names sorted by byte order, each "name:value\n" with the values of a repeated name
// joined by ',' in request order.

/** A header name with its canonical (already trimmed) value. */
export interface CanonicalHeader {
  name: string;
  canonical: string;
}

/** Never changed once made: canonicalRequest() knows one by its identity. */
export interface CanonicalHeaders {
  /** Every "name:value\n" line, concatenated. */
  readonly block: string;
  /** The names joined by ';'. */
  readonly signedHeaders: string;
}

const byName = (a: CanonicalHeader, b: CanonicalHeader): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Sorts by name in place, stably (repeated names keep request order). A request carries a handful
 * of headers, for which an insertion sort beats Array.prototype.sort's setup; many headers go to
 * the built-in sort, so a hostile request cannot make this quadratic. The built-in sort is stable
 * since ES2019 but not in every engine (Rhino 1.7.14's is not), so ties are broken by position.
 */
function sortByName(out: CanonicalHeader[]): CanonicalHeader[] {
  if (out.length > 16) {
    const positioned = out.map((h, i) => ({ h, i }));
    positioned.sort((a, b) => byName(a.h, b.h) || a.i - b.i);
    for (let i = 0; i < out.length; i++) out[i] = positioned[i].h;
    return out;
  }
  for (let i = 1; i < out.length; i++) {
    const h = out[i];
    let j = i - 1;
    for (; j >= 0 && out[j].name > h.name; j--) out[j + 1] = out[j];
    out[j + 1] = h;
  }
  return out;
}

// Calls to one API carry the same header names, and within a second the same values too (host,
// content type, target, date). The last result is reused when every sorted name and value is the
// same as last time, and its SignedHeaders (the same string, which later steps compare) when the
// names are. The last names and values are kept in two arrays reused from call to call.
const lastNames: string[] = [];
const lastValues: string[] = [];
let lastResult: CanonicalHeaders = { block: "", signedHeaders: "" };

function sameNames(sorted: readonly CanonicalHeader[]): boolean {
  if (sorted.length !== lastNames.length) return false;
  for (let i = 0; i < sorted.length; i++) if (sorted[i].name !== lastNames[i]) return false;
  return true;
}

function sameValues(sorted: readonly CanonicalHeader[]): boolean {
  for (let i = 0; i < sorted.length; i++) if (sorted[i].canonical !== lastValues[i]) return false;
  return true;
}

function remember(sorted: readonly CanonicalHeader[], result: CanonicalHeaders): CanonicalHeaders {
  if (lastNames.length !== sorted.length) lastNames.length = lastValues.length = sorted.length;
  for (let i = 0; i < sorted.length; i++) {
    lastNames[i] = sorted[i].name;
    lastValues[i] = sorted[i].canonical;
  }
  lastResult = result;
  return result;
}

/** The canonical headers of `headers`, an array of the caller's own that this sorts in place (no copy on the signing path). */
export function canonicalHeaders(headers: CanonicalHeader[]): CanonicalHeaders {
  const sorted = sortByName(headers);
  const namesRepeat = sameNames(sorted);
  if (namesRepeat && sameValues(sorted)) return lastResult;
  let block = "";
  let signedHeaders = "";
  for (let i = 0; i < sorted.length; ) {
    const name = sorted[i].name;
    let value = sorted[i].canonical;
    for (i++; i < sorted.length && sorted[i].name === name; i++) value += "," + sorted[i].canonical;
    block += name + ":" + value + "\n";
    if (!namesRepeat) signedHeaders = signedHeaders === "" ? name : signedHeaders + ";" + name;
  }
  return remember(sorted, { block, signedHeaders: namesRepeat ? lastResult.signedHeaders : signedHeaders });
}
