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
// set within a second) repeat from call to call: the last of each, and the two joined, are reused,
// so a repeated request costs no join at all (fewer strings to allocate and to flatten). The header lines are
// keyed by the CanonicalHeaders object, which canonicalHeaders() returns again for the same
// headers, so that no header block's text has to be compared.
let lastMethod = "";
let lastUri = "";
let lastQuery = "";
let lastHeaders: CanonicalHeaders | undefined;
let requestLines = "\n\n\n";
let headerLines = "\n\n";
let upToPayload = requestLines + headerLines;

/**
 * The canonical request up to its last line, HashedPayload. It repeats whenever the request does,
 * payload aside, so the signer writes it and the payload hash into the core as two strings: this
 * one is flattened once for all the calls that share it, not once per call with each new payload hash.
 */
export function beforePayloadHash(p: Omit<CanonicalRequestParts, "payloadHash">): string {
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
  return upToPayload;
}

export function canonicalRequest(p: CanonicalRequestParts): string {
  return beforePayloadHash(p) + p.payloadHash;
}
