// The Authorization header value (AWS SigV4 documentation, "Add the signature to the request").

import { ALGORITHM } from "./constants.js";

// Everything up to the signed headers is the same for every request of a day under one key: reused.
let last = { accessKeyId: "", scope: "", prefix: "" };

export function authorizationHeader(accessKeyId: string, scope: string, signedHeaders: string, signature: string): string {
  if (accessKeyId !== last.accessKeyId || scope !== last.scope) {
    last = { accessKeyId, scope, prefix: ALGORITHM + " Credential=" + accessKeyId + "/" + scope + ", SignedHeaders=" };
  }
  return last.prefix + signedHeaders + ", Signature=" + signature;
}
