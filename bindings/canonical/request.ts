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

export function canonicalRequest(p: CanonicalRequestParts): string {
  return p.method + "\n" + p.uri + "\n" + p.query + "\n" + p.headers + "\n" + p.signedHeaders + "\n" + p.payloadHash;
}
