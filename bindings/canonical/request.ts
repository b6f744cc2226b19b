// The canonical request (AWS SigV4 documentation, "Create a canonical request"):
//   HTTPMethod \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n SignedHeaders \n HashedPayload
// where CanonicalHeaders already ends each of its lines with \n.

import type { CanonicalHeaders } from "./headers.js";

export interface CanonicalRequestParts {
  method: string;
  uri: string;
  query: string;
  /** CanonicalHeaders and SignedHeaders, as canonicalHeaders() made them. */
  headers: CanonicalHeaders;
  payloadHash: string;
}

// The lines before the headers (one endpoint) and from the headers to the payload hash (one header
// set within a second) repeat from call to call: the last of each is reused, so a repeated request
// costs two joins instead of ten (fewer strings to allocate and to flatten). The tail is keyed by
// the CanonicalHeaders object, which canonicalHeaders() returns again for the same headers, so
// that no header block's text has to be compared.
let headMethod = "";
let headUri = "";
let headQuery = "";
let head = "\n\n\n";
let tailOf: CanonicalHeaders | undefined;
let tail = "\n\n";

export function canonicalRequest(p: CanonicalRequestParts): string {
  if (p.method !== headMethod || p.uri !== headUri || p.query !== headQuery) {
    head = p.method + "\n" + p.uri + "\n" + p.query + "\n";
    headMethod = p.method;
    headUri = p.uri;
    headQuery = p.query;
  }
  if (p.headers !== tailOf) {
    tail = p.headers.block + "\n" + p.headers.signedHeaders + "\n";
    tailOf = p.headers;
  }
  return head + tail + p.payloadHash;
}
