// The credential scope: date/region/service/aws4_request (AWS SigV4 documentation).

import { SCOPE_TERMINATOR } from "./constants.js";

// A signer builds the same scope for every request of a day: the last one is reused.
let last = { shortDate: "", region: "", service: "", scope: "" };

export function credentialScope(shortDate: string, region: string, service: string): string {
  if (shortDate !== last.shortDate || region !== last.region || service !== last.service) {
    last = { shortDate, region, service, scope: shortDate + "/" + region + "/" + service + "/" + SCOPE_TERMINATOR };
  }
  return last.scope;
}
