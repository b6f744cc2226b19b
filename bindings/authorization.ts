// The Authorization header value (AWS SigV4 documentation, "Add the signature to the request").

import { ALGORITHM } from "./constants.js";

// Everything up to the signature is the same for every request of a day under one key and one
// header set: the last is reused, so a header costs one join.
let lastAccessKeyId = "";
let lastScope = "";
let lastSignedHeaders = "";
let prefix = "";

export function authorizationHeader(accessKeyId: string, scope: string, signedHeaders: string, signature: string): string {
  if (accessKeyId !== lastAccessKeyId || scope !== lastScope || signedHeaders !== lastSignedHeaders) {
    prefix = ALGORITHM + " Credential=" + accessKeyId + "/" + scope + ", SignedHeaders=" + signedHeaders + ", Signature=";
    lastAccessKeyId = accessKeyId;
    lastScope = scope;
    lastSignedHeaders = signedHeaders;
  }
  return prefix + signature;
}
