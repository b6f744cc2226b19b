// The string to sign (AWS SigV4 documentation, "Create a string to sign"):
//   Algorithm \n RequestDateTime \n CredentialScope \n HashedCanonicalRequest
// The core appends the last line itself (it hashes the canonical request), so the TypeScript
// side builds only the prefix.

import { ALGORITHM } from "./constants.js";

/** The first three lines, each ending in \n. */
export function stringToSignPrefix(amzDate: string, scope: string): string {
  return ALGORITHM + "\n" + amzDate + "\n" + scope + "\n";
}

/** Where the request date starts in the prefix: requests under one scope differ from there for its 16 characters only. */
export const PREFIX_DATE_AT = ALGORITHM.length + 1;
