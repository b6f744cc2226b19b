// The parts of a canonical request and of a string to sign (AWS SigV4 documentation, "Create a
// canonical request", "Create a string to sign"), read back from their text so that two of them
// can be compared part by part.

export interface CanonicalParts {
  method: string;
  path: string;
  query: string;
  /** [name, value] per line of the header block. */
  headers: [string, string][];
  signedHeaders: string;
  payloadHash: string;
}

/** Method, path, query, header lines, an empty line, the signed headers, the payload hash; undefined for any other shape. */
export function splitCanonicalRequest(text: string): CanonicalParts | undefined {
  const lines = text.split("\n");
  const blank = lines.indexOf("", 3);
  if (lines.length < 6 || blank < 0 || blank !== lines.length - 3) return undefined;
  const headers = lines.slice(3, blank).map((line): [string, string] => {
    const colon = line.indexOf(":");
    return colon < 0 ? [line, ""] : [line.slice(0, colon), line.slice(colon + 1)];
  });
  return { method: lines[0], path: lines[1], query: lines[2], headers, signedHeaders: lines[blank + 1], payloadHash: lines[blank + 2] };
}

export interface StringToSignParts {
  algorithm: string;
  amzDate: string;
  scope: { date: string; region: string; service: string; terminator: string };
  canonicalRequestHash: string;
}

export function splitStringToSign(text: string): StringToSignParts | undefined {
  const lines = text.split("\n");
  if (lines.length !== 4) return undefined;
  const [date, region, service, terminator] = lines[2].split("/");
  if (terminator === undefined) return undefined;
  return { algorithm: lines[0], amzDate: lines[1], scope: { date, region, service, terminator }, canonicalRequestHash: lines[3] };
}

/** The query's name=value pairs (as canonical, so already sorted and encoded). */
export function queryPairs(query: string): string[] {
  return query === "" ? [] : query.split("&");
}
