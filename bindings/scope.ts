// The credential scope: date/region/service/aws4_request (AWS SigV4 documentation).

import { SCOPE_TERMINATOR } from "./constants.js";

export function credentialScope(shortDate: string, region: string, service: string): string {
  return shortDate + "/" + region + "/" + service + "/" + SCOPE_TERMINATOR;
}
