// The credential "<access key id>/<date>/<region>/<service>/aws4_request" and the checks of its
// scope (IAM User Guide, "Troubleshoot signed requests": credential scope errors): the date must
// be the request's day, the region and service ones the endpoint serves, the terminator
// aws4_request.

import { SCOPE_TERMINATOR } from "../constants.js";
import type { ScopeProblem } from "./outcome.js";

export interface Credential {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  terminator: string;
}

// The signer's own limits (settings.ts): an access key id of visible ASCII without '/' or ',';
// region and service of 1 to 128 visible ASCII characters without '/'.
const ACCESS_KEY_ID = /^[\x21-\x2b\x2d-\x2e\x30-\x7e]+$/;
const SCOPE_ELEMENT = /^[\x21-\x2e\x30-\x7e]{1,128}$/;

/** The five elements, or undefined when the credential does not have that shape. */
export function splitCredential(value: string): Credential | undefined {
  const parts = value.split("/");
  if (parts.length !== 5) return undefined;
  const [accessKeyId, date, region, service, terminator] = parts;
  if (!ACCESS_KEY_ID.test(accessKeyId) || !SCOPE_ELEMENT.test(region) || !SCOPE_ELEMENT.test(service)) return undefined;
  return { accessKeyId, date, region, service, terminator };
}

/** The service named by a credential, when it can be read (to choose how errors are worded before the scope is checked). */
export function credentialService(value: string | undefined): string | undefined {
  return value?.split("/")[3];
}

export interface Endpoint {
  regions?: readonly string[];
  services?: readonly string[];
}

/** Every way the scope does not fit: the request's day (`amzDate`), the endpoint's regions and services, the terminator. */
export function scopeProblems(credential: Credential, amzDate: string, endpoint: Endpoint): ScopeProblem[] {
  const problems: ScopeProblem[] = [];
  const { regions, services } = endpoint;
  if (regions !== undefined && !regions.includes(credential.region)) problems.push({ kind: "region", got: credential.region, expected: regions[0] });
  if (services !== undefined && !services.includes(credential.service)) problems.push({ kind: "service", got: credential.service, expected: services[0] });
  if (credential.terminator !== SCOPE_TERMINATOR) problems.push({ kind: "terminator", got: credential.terminator });
  const day = amzDate.slice(0, 8);
  if (credential.date !== day) problems.push({ kind: "date", got: credential.date, expected: day, amzDate });
  return problems;
}
