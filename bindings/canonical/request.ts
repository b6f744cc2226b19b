// The canonical request (AWS SigV4 documentation, "Create a canonical request"):
//   HTTPMethod \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n SignedHeaders \n HashedPayload
// where CanonicalHeaders already ends each of its lines with \n.

export interface CanonicalRequestParts {
  method: string;
  uri: string;
  query: string;
  headers: string;
  signedHeaders: string;
  payloadHash: string;
}

// The lines before the headers (one endpoint) and from the headers to the payload hash (one header
// set within a second) repeat from call to call: the last of each is reused, so a repeated request
// costs two joins instead of ten (fewer strings to allocate and to flatten).
let headMethod = "";
let headUri = "";
let headQuery = "";
let head = "\n\n\n";
let tailHeaders = "";
let tailSigned = "";
let tail = "\n\n";

export function canonicalRequest(p: CanonicalRequestParts): string {
  if (p.method !== headMethod || p.uri !== headUri || p.query !== headQuery) {
    head = p.method + "\n" + p.uri + "\n" + p.query + "\n";
    headMethod = p.method;
    headUri = p.uri;
    headQuery = p.query;
  }
  if (p.headers !== tailHeaders || p.signedHeaders !== tailSigned) {
    tail = p.headers + "\n" + p.signedHeaders + "\n";
    tailHeaders = p.headers;
    tailSigned = p.signedHeaders;
  }
  return head + tail + p.payloadHash;
}
