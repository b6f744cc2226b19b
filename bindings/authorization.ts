// The Authorization header value (AWS SigV4 documentation, "Add the signature to the request").

import { ALGORITHM } from "./constants.js";

export function authorizationHeader(accessKeyId: string, scope: string, signedHeaders: string, signature: string): string {
  return ALGORITHM + " Credential=" + accessKeyId + "/" + scope + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature;
}
