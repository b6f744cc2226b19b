// The string to sign (AWS SigV4 documentation, "Create a string to sign"):
//   Algorithm \n RequestDateTime \n CredentialScope \n HashedCanonicalRequest
// The core appends the last line itself (it hashes the canonical request), so the TypeScript
// side builds only the prefix.

import { ALGORITHM } from "./constants.js";

// The same for every request of a second under one scope: the last one is reused.
let last = { amzDate: "", scope: "", prefix: "" };

/** The first three lines, each ending in \n. */
export function stringToSignPrefix(amzDate: string, scope: string): string {
  if (amzDate !== last.amzDate || scope !== last.scope) last = { amzDate, scope, prefix: ALGORITHM + "\n" + amzDate + "\n" + scope + "\n" };
  return last.prefix;
}
