// Why a service refused a signature, in plain words: the first part of the canonical request or
// string to sign that differs between what the client signed and what the service computed, and
// the usual reason for that difference (AWS IAM User Guide, "Troubleshoot signed requests for AWS
// APIs"); or, when the service sent no strings, what its error code and message mean.

import { normalizePath } from "../canonical/uri.js";
import { isMarker } from "../payload.js";
import { splitCanonicalRequest, splitStringToSign, queryPairs, type CanonicalParts, type StringToSignParts } from "./components.js";
import type { ServiceReport } from "./parse-error-body.js";

/** The usual reasons for a refused signature. */
export type Cause =
  | "method-changed"
  | "path-double-encoded"
  | "path-single-encoded"
  | "path-normalised"
  | "path-changed"
  | "query-changed"
  | "header-changed"
  | "header-missing"
  | "header-not-signed"
  | "signed-headers-differ"
  | "body-changed"
  | "payload-mode"
  | "date-changed"
  | "clock-skew"
  | "presign-expired"
  | "wrong-region"
  | "wrong-service"
  | "scope-date"
  | "session-token-missing"
  | "expired-token"
  | "unknown-access-key"
  | "secret-mismatch"
  | "invisible-difference"
  | "malformed-authorization"
  | "unknown";

/** The part of the canonical request or string to sign where the two sides first differ. */
export interface Difference {
  component: "method" | "path" | "query" | "header" | "signed-headers" | "payload-hash" | "algorithm" | "date" | "scope" | "canonical-request-hash";
  /** The header name, the query parameter name or the scope element. */
  name?: string;
  client: string;
  service: string;
}

export interface Diagnosis {
  cause: Cause;
  /** What happened and what to do, in plain words. */
  summary: string;
  difference?: Difference;
}

const encodedAgain = (path: string): string => path.replace(/%/g, "%25");

function pathDiagnosis(client: string, service: string): Diagnosis {
  const difference: Difference = { component: "path", client, service };
  if (service === encodedAgain(client)) {
    return {
      cause: "path-single-encoded",
      difference,
      summary:
        "The service encoded the path once more than the client did (%XX became %25XX): the client signed the path encoded once, as for Amazon S3, but this service encodes it twice. Sign with double URI encoding (the default for every service but S3).",
    };
  }
  if (client === encodedAgain(service)) {
    return {
      cause: "path-double-encoded",
      difference,
      summary:
        "The client's canonical path is the service's encoded once more (%XX became %25XX): the path was encoded twice. Either an already-encoded path (or S3 key) was encoded again before signing, or S3 was signed with the double encoding other services use.",
    };
  }
  if (normalizePath(client) === normalizePath(service)) {
    return {
      cause: "path-normalised",
      difference,
      summary:
        "The paths differ only by '.', '..' or empty ('//') segments: one side normalised the path and the other did not. Amazon S3 keeps the path as sent; other services remove dot segments and repeated slashes before signing.",
    };
  }
  return { cause: "path-changed", difference, summary: "The path the service saw is not the one signed: a proxy or the HTTP client rewrote it (a prefix added or stripped, characters re-encoded), or the request went to another URL than the one signed." };
}

function queryDiagnosis(client: string, service: string): Diagnosis {
  const a = queryPairs(client);
  const b = queryPairs(service);
  const added = b.find((p) => !a.includes(p));
  const removed = a.find((p) => !b.includes(p));
  const name = (added ?? removed ?? "").split("=")[0];
  const plus = /%2B/.test(client) && /%20/.test(service) ? " The client signed a raw '+' as a plus (%2B), where AWS reads '+' in a query as a space (%20): send a plus as %2B and a space as %20." : "";
  const what =
    added !== undefined && removed !== undefined && added.split("=")[0] === removed.split("=")[0]
      ? `the value of the parameter ${name} differs`
      : added !== undefined
        ? `the service saw the parameter ${name}, which was not signed (added after signing, by a proxy or the client)`
        : `the parameter ${name} was signed but did not reach the service`;
  return { cause: "query-changed", difference: { component: "query", name, client, service }, summary: `The query string differs: ${what}.${plus}` };
}

function headerSummary(name: string, client: string, service: string): Diagnosis {
  const difference: Difference = { component: "header", name, client, service };
  if (service === "" && client !== "") {
    return { cause: "header-missing", difference, summary: `The signed header ${name} did not reach the service (or arrived empty): the HTTP client or a proxy dropped it. Sign only headers that are sent as they are.` };
  }
  if (name === "host") {
    return { cause: "header-changed", difference, summary: `The request was signed for the host ${client} but the service saw ${service}: it was sent to another endpoint or port than the one signed, or a proxy rewrote Host. Sign with the host the service receives.` };
  }
  if (name === "x-amz-date") return { cause: "date-changed", difference, summary: "The x-amz-date header the service saw is not the one signed: it was set again after signing." };
  if (name === "x-amz-content-sha256") return { ...payloadDiagnosis(client, service), difference };
  return { cause: "header-changed", difference, summary: `The value of the signed header ${name} changed between signing and the service (a proxy, a CDN or the HTTP client rewrote it). Leave that header unsigned, or sign the value that is sent.` };
}

function headersDiagnosis(client: CanonicalParts, service: CanonicalParts): Diagnosis | undefined {
  const theirs = new Map(service.headers);
  for (const [name, value] of client.headers) {
    const other = theirs.get(name);
    if (other === undefined) break;
    if (other !== value) return headerSummary(name, value, other);
  }
  const a = client.headers.map(([n]) => n).join(";");
  const b = service.headers.map(([n]) => n).join(";");
  if (a === b) return undefined;
  return {
    cause: "signed-headers-differ",
    difference: { component: "signed-headers", client: a, service: b },
    summary: "The two canonical requests list different headers: the SignedHeaders sent in the Authorization header (or X-Amz-SignedHeaders) do not name the headers the client put in its canonical request, or those names are not sorted and lower-case.",
  };
}

function payloadDiagnosis(client: string, service: string): Diagnosis {
  const difference: Difference = { component: "payload-hash", client, service };
  if (isMarker(client) || isMarker(service)) {
    return { cause: "payload-mode", difference, summary: `The client signed the payload as ${client} but the service used ${service}: send x-amz-content-sha256 with the value that was signed (UNSIGNED-PAYLOAD and STREAMING-… markers must be declared in that header).` };
  }
  return {
    cause: "body-changed",
    difference,
    summary: "The body the service received does not hash to the payload hash that was signed: the body changed after it was hashed (JSON serialised again, another character encoding, compression, a stream read twice or cut short).",
  };
}

function canonicalDiagnosis(client: CanonicalParts, service: CanonicalParts): Diagnosis | undefined {
  if (client.method !== service.method) {
    return { cause: "method-changed", difference: { component: "method", client: client.method, service: service.method }, summary: `The request was signed for ${client.method} but sent as ${service.method} (a presigned URL is valid for one method only).` };
  }
  if (client.path !== service.path) return pathDiagnosis(client.path, service.path);
  if (client.query !== service.query) return queryDiagnosis(client.query, service.query);
  const headers = headersDiagnosis(client, service);
  if (headers !== undefined) return headers;
  if (client.signedHeaders !== service.signedHeaders) {
    return { cause: "signed-headers-differ", difference: { component: "signed-headers", client: client.signedHeaders, service: service.signedHeaders }, summary: "The SignedHeaders lines differ: the list sent with the signature is not the one the client signed (names must be lower-case, sorted and separated by ';')." };
  }
  return client.payloadHash === service.payloadHash ? undefined : payloadDiagnosis(client.payloadHash, service.payloadHash);
}

function scopeDiagnosis(client: StringToSignParts, service: StringToSignParts): Diagnosis | undefined {
  const a = client.scope;
  const b = service.scope;
  const diff = (name: string, x: string, y: string): Difference => ({ component: "scope", name, client: x, service: y });
  if (a.region !== b.region) return { cause: "wrong-region", difference: diff("region", a.region, b.region), summary: `The request was signed for the region ${a.region} but the endpoint is in ${b.region}. Sign with the endpoint's region.` };
  if (a.service !== b.service) return { cause: "wrong-service", difference: diff("service", a.service, b.service), summary: `The request was signed for the service ${a.service} but the endpoint is ${b.service}. Sign with the endpoint's signing name.` };
  if (a.date !== b.date) return { cause: "scope-date", difference: diff("date", a.date, b.date), summary: "The date of the credential scope is not the day of x-amz-date (for example a scope kept from before midnight UTC)." };
  return undefined;
}

function stringToSignDiagnosis(client: StringToSignParts, service: StringToSignParts): Diagnosis | undefined {
  if (client.algorithm !== service.algorithm) {
    return { cause: "unknown", difference: { component: "algorithm", client: client.algorithm, service: service.algorithm }, summary: `The client signed with the algorithm ${client.algorithm}; the service expects ${service.algorithm}.` };
  }
  if (client.amzDate !== service.amzDate) {
    return { cause: "date-changed", difference: { component: "date", client: client.amzDate, service: service.amzDate }, summary: "The request time in the string to sign differs: the x-amz-date header (or X-Amz-Date) sent is not the time that was signed." };
  }
  const scope = scopeDiagnosis(client, service);
  if (scope !== undefined) return scope;
  if (client.canonicalRequestHash !== service.canonicalRequestHash) {
    return {
      cause: "invisible-difference",
      difference: { component: "canonical-request-hash", client: client.canonicalRequestHash, service: service.canonicalRequestHash },
      summary: "The canonical requests read the same but hash differently: they differ in bytes that do not show (a carriage return, trailing whitespace, a non-ASCII character encoded differently).",
    };
  }
  return undefined;
}

const SECRET_MISMATCH: Diagnosis = {
  cause: "secret-mismatch",
  summary:
    "The service computed exactly what the client signed, so the signing key differs: the secret access key is not the one of this access key id (a rotated or mistyped secret, stray whitespace or a newline in it), or temporary credentials were mixed with another key's secret.",
};

/** Compares the strings part by part; undefined when neither could be read as a canonical request or string to sign. */
export function diagnoseStrings(client: { canonicalRequest?: string; stringToSign?: string }, service: { canonicalRequest?: string; stringToSign?: string }): Diagnosis | undefined {
  const creqA = client.canonicalRequest === undefined ? undefined : splitCanonicalRequest(client.canonicalRequest);
  const creqB = service.canonicalRequest === undefined ? undefined : splitCanonicalRequest(service.canonicalRequest);
  if (creqA !== undefined && creqB !== undefined) {
    const found = canonicalDiagnosis(creqA, creqB);
    if (found !== undefined) return found;
  }
  const stsA = client.stringToSign === undefined ? undefined : splitStringToSign(client.stringToSign);
  const stsB = service.stringToSign === undefined ? undefined : splitStringToSign(service.stringToSign);
  if (stsA !== undefined && stsB !== undefined) return stringToSignDiagnosis(stsA, stsB) ?? SECRET_MISMATCH;
  if (creqA !== undefined && creqB !== undefined) return { ...SECRET_MISMATCH, summary: `${SECRET_MISMATCH.summary} (Only the canonical requests were compared; the region, service or date of the scope may differ too.)` };
  return undefined;
}

// ---- From the error code and message alone --------------------------------------------------------

/** YYYYMMDDTHHMMSSZ, or an ISO 8601 / HTTP date, as epoch milliseconds (NaN when unreadable). */
function timeOf(text: string): number {
  const basic = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (basic !== null) return Date.UTC(+basic[1], +basic[2] - 1, +basic[3], +basic[4], +basic[5], +basic[6]);
  return Date.parse(text);
}

function skewSummary(requestTime: string, serverTime: string): Diagnosis {
  const offset = Math.round((timeOf(requestTime) - timeOf(serverTime)) / 1000);
  const how = Number.isNaN(offset) ? "" : ` The request was signed ${Math.abs(offset)} s ${offset < 0 ? "behind" : "ahead of"} the service's clock.`;
  return {
    cause: "clock-skew",
    difference: { component: "date", client: requestTime, service: serverTime },
    summary: `The signing time is too far from the service's clock (AWS allows 15 minutes).${how} Synchronise the client's clock (NTP), or correct the signing time by the offset the service reports.`,
  };
}

export interface ClientFacts {
  accessKeyId?: string;
  /** Whether the client signed or sent a session token. */
  sentToken: boolean;
  /** Whether the client presigned a URL. */
  presigned: boolean;
}

function tokenDiagnosis(facts: ClientFacts): Diagnosis {
  if (facts.accessKeyId?.startsWith("ASIA") && !facts.sentToken) {
    return {
      cause: "session-token-missing",
      summary: `The access key ${facts.accessKeyId} is temporary (ASIA…) but the request carried no session token: send x-amz-security-token (or X-Amz-Security-Token; for S3 Express session credentials, x-amz-s3session-token) with the token issued alongside the key.`,
    };
  }
  return { cause: "unknown-access-key", summary: "The service does not know this access key id (a deleted or mistyped key, a key of another partition), or its session token is missing or belongs to other credentials." };
}

/** "Request has expired": a presigned URL past its lifetime, or (EC2's RequestExpired) a request that arrived too late. */
function expiredDiagnosis(r: ServiceReport, facts: ClientFacts): Diagnosis {
  if (facts.presigned || r.fields.Expires !== undefined) {
    return { cause: "presign-expired", summary: `The presigned URL expired${r.fields.Expires ? ` at ${r.fields.Expires}` : ""}: X-Amz-Date plus X-Amz-Expires is past. Presign again (temporary credentials also end a URL when they expire).` };
  }
  return { cause: "clock-skew", summary: "The request reached the service more than 15 minutes after its time stamp (AWS Common Errors, RequestExpired): synchronise the client's clock (NTP), and sign each request (or retry) afresh." };
}

type Rule = (r: ServiceReport, facts: ClientFacts) => Diagnosis | undefined;

const RULES: Rule[] = [
  (r) => {
    const m = /Signature expired: (\d{8}T\d{6}Z) is now earlier than \d{8}T\d{6}Z \((\d{8}T\d{6}Z) -/.exec(r.message ?? "") ?? /Signature not yet current: (\d{8}T\d{6}Z) is still later than \d{8}T\d{6}Z \((\d{8}T\d{6}Z) \+/.exec(r.message ?? "");
    return m === null ? undefined : skewSummary(m[1], m[2]);
  },
  (r) => (r.code === "RequestTimeTooSkewed" ? skewSummary(r.fields.RequestTime ?? "", r.fields.ServerTime ?? "") : undefined),
  (r, facts) => (r.code === "RequestExpired" || /^Request has expired/.test(r.message ?? "") ? expiredDiagnosis(r, facts) : undefined),
  (r) => {
    const m = /region '([^']*)' is wrong; expecting '([^']*)'/.exec(r.message ?? "") ?? /scoped to a valid region, not '([^']*)'/.exec(r.message ?? "");
    if (m === null && !/scoped to a valid region/.test(r.message ?? "")) return undefined;
    const expected = m?.[2] ?? r.fields.Region;
    return { cause: "wrong-region", summary: `The credential scope names ${m ? `the region ${m[1]}` : "a region"} the endpoint does not serve${expected ? `; the endpoint expects ${expected}` : ""}. Sign with the endpoint's region.` };
  },
  (r) => {
    const m = /incorrect service "([^"]*)"\. This endpoint belongs to "([^"]*)"/.exec(r.message ?? "") ?? /scoped to correct service: '([^']*)'/.exec(r.message ?? "");
    if (m === null) return undefined;
    const expected = m[2] ?? m[1];
    return { cause: "wrong-service", summary: `The credential scope names another service than the endpoint's (${expected}). Sign with the endpoint's signing name.` };
  },
  (r) =>
    /Date in Credential scope does not match|Invalid credential date/.test(r.message ?? "")
      ? { cause: "scope-date", summary: "The date of the credential scope is not the day of x-amz-date (for example a scope kept from before midnight UTC). Sign with one time for both." }
      : undefined,
  (r) => (r.code === "XAmzContentSHA256Mismatch" ? payloadDiagnosis(r.fields.ClientComputedContentSHA256 ?? "", r.fields.S3ComputedContentSHA256 ?? "") : undefined),
  (r) =>
    r.code === "AccessDenied" && r.fields.HeadersNotSigned !== undefined
      ? { cause: "header-not-signed", summary: `The request carried headers the signature does not cover (${r.fields.HeadersNotSigned}); S3 wants every x-amz-* header sent to be signed. A proxy or the client added them after signing, or they were left unsigned.` }
      : undefined,
  (r) => (/^ExpiredToken/.test(r.code ?? "") ? { cause: "expired-token", summary: "The temporary credentials (session token) have expired: fetch new ones and sign again." } : undefined),
  (r, facts) => (/^(InvalidClientTokenId|UnrecognizedClientException|InvalidAccessKeyId|InvalidToken)$/.test(r.code ?? "") || /security token included in the request is invalid/.test(r.message ?? "") ? tokenDiagnosis(facts) : undefined),
  (r) =>
    /^(IncompleteSignature|MissingAuthenticationToken|AuthorizationHeaderMalformed|AuthorizationQueryParametersError)/.test(r.code ?? "")
      ? { cause: "malformed-authorization", summary: "The service could not read the signature: the Authorization header (or the X-Amz-* query parameters) is missing, incomplete or malformed. Check that the request is signed at all and that every component is present." }
      : undefined,
];

/** What the code and message say, for errors that carry no canonical request. */
export function diagnoseReport(report: ServiceReport, facts: ClientFacts): Diagnosis {
  for (const rule of RULES) {
    const found = rule(report, facts);
    if (found !== undefined) return found;
  }
  return { cause: "unknown", summary: "The error carries no canonical request or string to sign to compare with, and its message is not one of the signature errors this diagnosis knows." };
}
