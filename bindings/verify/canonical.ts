// The canonical request of a received request, built with the signer's own canonicalisation
// (prepareRequest, canonicalUri, canonicalQueryOf, canonicalHeaders, canonicalRequest),
// so that verification is exactly as correct as signing. Only the headers the client signed are
// read: an unsigned header with bytes the signer would refuse cannot fail a request.

import { prepareRequest, type Header } from "../request.js";
import { canonicalUri, type UriEncoding } from "../canonical/uri.js";
import { canonicalQueryOf } from "../canonical/query.js";
import { canonicalHeaders } from "../canonical/headers.js";
import { canonicalRequest } from "../canonical/request.js";
import { SigningError } from "../errors.js";
import { serviceRules } from "../settings.js";
import { queryWithout, type Received } from "./received.js";

export interface Rules {
  uriEncoding: UriEncoding;
  normalizePath: boolean;
}

/** The signer's defaults for a service (the table in settings.ts: S3 encodes once and keeps the path as it is), under explicit choices. */
export function rulesFor(service: string, explicit: Partial<Rules>): Rules {
  const defaults = serviceRules(service);
  return { uriEncoding: explicit.uriEncoding ?? defaults.uriEncoding, normalizePath: explicit.normalizePath ?? defaults.normalizePath };
}

export interface CanonicalInput {
  received: Received;
  /** Lower-case names from SignedHeaders. */
  signedNames: readonly string[];
  payloadLine: string;
  rules: Rules;
  /** Query parameters (lower-case names) that are not part of what was signed: X-Amz-Signature, and an appended token. */
  unsignedParams: readonly string[];
}

export interface Canonical {
  canonicalRequest: string;
  /** Signed names the request does not carry (their lines read "name:"). */
  missing: string[];
}

/** Only the origin's syntax matters: the Host header (always signed) supplies the host. */
const PLACEHOLDER_ORIGIN = "http://localhost";

/** The canonical request, or undefined when the signer refuses the request (a malformed escape, a control character in a signed header). */
export function canonicalFor(input: CanonicalInput): Canonical | undefined {
  const { received, signedNames, rules } = input;
  const wanted = new Set(signedNames);
  const signed = received.headers.filter(([name]) => wanted.has(name));
  const query = input.unsignedParams.length === 0 ? received.query : queryWithout(received.query, input.unsignedParams);
  try {
    const prepared = prepareRequest({ method: received.method, url: PLACEHOLDER_ORIGIN, path: received.path + (query === "" ? "" : "?" + query), headers: signed });
    const present = new Set(prepared.headers.map((h) => h.name));
    const missing = [...wanted].filter((name) => !present.has(name));
    const placeholders: Header[] = missing.map((name) => ({ name, value: "", canonical: "" }));
    const headers = canonicalHeaders(prepared.headers.concat(placeholders));
    const creq = canonicalRequest({
      method: prepared.method,
      uri: canonicalUri(prepared.path, rules.uriEncoding, rules.normalizePath),
      query: canonicalQueryOf(prepared.query),
      headers,
      payloadHash: input.payloadLine,
    });
    return { canonicalRequest: creq, missing };
  } catch (e) {
    if (e instanceof SigningError) return undefined;
    throw e;
  }
}
