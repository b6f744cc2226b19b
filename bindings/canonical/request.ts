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

// The lines before the headers (one endpoint), from the headers to the payload hash (one header
// set within a second) and the whole request repeat from call to call: the last of each is reused,
// so a repeated request costs no join at all and hands the signer the same flat string, which it
// writes into the core in one encodeInto (signature.ts). A request that changes only its payload
// hash joins once, to the prefix already flattened. The header lines are keyed by the
// CanonicalHeaders object, which canonicalHeaders() returns again for the same headers, so that no
// header block's text has to be compared.
let lastMethod = "";
let lastUri = "";
let lastQuery = "";
let lastHeaders: CanonicalHeaders | undefined;
let lastPayloadHash = "";
let requestLines = "\n\n\n";
let headerLines = "\n\n";
let upToPayload = requestLines + headerLines;
let whole = upToPayload;

export function canonicalRequest(p: CanonicalRequestParts): string {
  let changed = false;
  if (p.method !== lastMethod || p.uri !== lastUri || p.query !== lastQuery) {
    requestLines = p.method + "\n" + p.uri + "\n" + p.query + "\n";
    lastMethod = p.method;
    lastUri = p.uri;
    lastQuery = p.query;
    changed = true;
  }
  if (p.headers !== lastHeaders) {
    headerLines = p.headers.block + "\n" + p.headers.signedHeaders + "\n";
    lastHeaders = p.headers;
    changed = true;
  }
  if (changed) upToPayload = requestLines + headerLines;
  if (changed || p.payloadHash !== lastPayloadHash) {
    whole = upToPayload + p.payloadHash;
    lastPayloadHash = p.payloadHash;
  }
  return whole;
}
