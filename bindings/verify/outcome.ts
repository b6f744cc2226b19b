// The AWS error table: for each way a request can fail verification, the status, code and
// message the service answers with. Amazon S3 (REST-XML) words its errors differently from every
// other service (the query and JSON protocols share one set of codes, see AWS "Common Errors"),
// so each outcome takes the style; verify.ts chooses it from the endpoint's or the scope's service.
//
// Statuses for services other than S3 are those of the query protocol (STS: 403 for signature and
// scope errors, 400 for IncompleteSignature as SES sends it); JSON-protocol services send 400 for
// all of them, which the server helper applies when it answers in JSON.

import { sha256 } from "../sha256.js";
import { toBase64, spacedHex } from "../bytes.js";
import { signingDate } from "../date.js";
import { MAX_EXPIRES } from "../constants.js";
import type { ErrorStyle, VerifyErrorCode, VerifyFailure } from "./types.js";
import * as M from "../constants.js";

export type Location = "header" | "query";

function fail(style: ErrorStyle, status: number, code: VerifyErrorCode, message: string, details?: Record<string, string>): VerifyFailure {
  return details === undefined ? { ok: false, status, code, message, style } : { ok: false, status, code, message, style, details };
}

/** API Gateway and STS quote the Authorization header only as the Base64 of its SHA-256, so a secret pasted there never echoes back. */
function hashedAuthorization(header: string): string {
  return toBase64(sha256(header));
}

const basic = (ms: number): string => signingDate(ms, "now").amzDate;
const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

/** "15 min." as AWS writes its 15-minute window; other windows in seconds. */
function skewWindow(seconds: number): string {
  return seconds % 60 === 0 ? `${seconds / 60} min.` : `${seconds} sec.`;
}

export function missingAuthentication(style: ErrorStyle): VerifyFailure {
  // S3 serves unsigned requests anonymously; a private bucket then denies them.
  return style === "s3" ? fail(style, 403, "AccessDenied", M.S3_MSG_ACCESS_DENIED) : fail(style, 403, "MissingAuthenticationToken", M.MSG_MISSING_TOKEN);
}

/** A comma-separated part of the Authorization header without '='. */
export function pairWithoutEquals(style: ErrorStyle, header: string): VerifyFailure {
  if (style === "s3") return fail(style, 400, "AuthorizationHeaderMalformed", M.S3_MSG_MALFORMED + M.S3_MSG_COMPONENTS);
  const message = `Invalid key=value pair (missing equal-sign) in Authorization header (hashed with SHA-256 and encoded with Base64): '${hashedAuthorization(header)}'.`;
  return fail(style, 400, "IncompleteSignature", message);
}

export type Component = "Credential" | "Signature" | "SignedHeaders";

/** Missing Credential, Signature or SignedHeaders (and, for services other than S3, a missing date, reported with them). */
export function missingComponents(style: ErrorStyle, header: string, missing: readonly Component[], noDate: boolean): VerifyFailure {
  if (style === "s3") return fail(style, 400, "AuthorizationHeaderMalformed", M.S3_MSG_MALFORMED + M.S3_MSG_COMPONENTS);
  const sentences = missing.map((name) => `Authorization header requires '${name}' parameter.`);
  if (noDate) sentences.push(M.MSG_REQUIRES_DATE);
  return fail(style, 400, "IncompleteSignature", `${sentences.join(" ")} ${M.MSG_HASHED} Authorization=${hashedAuthorization(header)}`);
}

export function missingQueryParameter(style: ErrorStyle, name: string): VerifyFailure {
  if (style === "s3") return fail(style, 400, "AuthorizationQueryParametersError", M.S3_MSG_QUERY_REQUIRED);
  return fail(style, 400, "IncompleteSignature", `AWS query-string parameters must include '${name}'. ${M.MSG_REEXAMINE_QUERY}`);
}

export function unsupportedAlgorithm(style: ErrorStyle, location: Location, algorithm: string, header: string): VerifyFailure {
  if (style === "aws") return fail(style, 400, "IncompleteSignature", `Unsupported AWS 'algorithm': '${algorithm}' (only AWS4-HMAC-SHA256 for now). `);
  if (location === "query") return fail(style, 400, "AuthorizationQueryParametersError", M.S3_MSG_QUERY_ALGORITHM);
  // "AWS <key>:<signature>" is Signature Version 2, which S3 names as such.
  if (algorithm === "AWS") return fail(style, 400, "InvalidRequest", M.S3_MSG_SIGV2);
  return fail(style, 400, "InvalidArgument", M.S3_MSG_UNSUPPORTED_TYPE, { ArgumentName: "Authorization", ArgumentValue: header });
}

/** No date header (S3 only: other services report it with the missing components). */
export function missingDate(style: ErrorStyle, header: string): VerifyFailure {
  return style === "s3" ? fail(style, 403, "AccessDenied", M.S3_MSG_NO_DATE) : missingComponents(style, header, [], true);
}

export function invalidDate(style: ErrorStyle, location: Location, raw: string): VerifyFailure {
  if (style === "aws") return fail(style, 400, "IncompleteSignature", `Date must be in ISO-8601 'basic format'. Got '${raw}'. See ${M.ISO_8601_LINK}`);
  return location === "query" ? fail(style, 400, "AuthorizationQueryParametersError", M.S3_MSG_QUERY_DATE) : fail(style, 403, "AccessDenied", M.S3_MSG_NO_DATE);
}

export interface Clock {
  /** The request time, epoch milliseconds. */
  requestMs: number;
  /** The request time as sent. */
  raw: string;
  nowMs: number;
  skewSeconds: number;
}

/** Outside the skew window, in the words of the IAM troubleshooting guide ("Signature expired: … is now earlier than …"). */
export function skewed(style: ErrorStyle, clock: Clock): VerifyFailure {
  const { requestMs, nowMs, skewSeconds } = clock;
  if (style === "s3") {
    return fail(style, 403, "RequestTimeTooSkewed", M.S3_MSG_SKEWED, {
      RequestTime: clock.raw,
      ServerTime: iso(nowMs),
      MaxAllowedSkewMilliseconds: String(skewSeconds * 1000),
    });
  }
  const skewMs = skewSeconds * 1000;
  const message =
    requestMs < nowMs
      ? `Signature expired: ${basic(requestMs)} is now earlier than ${basic(nowMs - skewMs)} (${basic(nowMs)} - ${skewWindow(skewSeconds)})`
      : `Signature not yet current: ${basic(requestMs)} is still later than ${basic(nowMs + skewMs)} (${basic(nowMs)} + ${skewWindow(skewSeconds)})`;
  return fail(style, 403, "SignatureDoesNotMatch", message);
}

/** Headers the signature must cover but does not (host; x-amz-date; for S3 every x-amz-* header sent). */
export function headersNotSigned(style: ErrorStyle, names: readonly string[]): VerifyFailure {
  if (style === "s3") return fail(style, 403, "AccessDenied", M.S3_MSG_HEADERS_NOT_SIGNED, { HeadersNotSigned: names.join(", ") });
  // AWS's sentence is documented for Host; the same sentence names any other header that must be signed.
  const message = names[0] === "host" ? M.MSG_HOST_UNSIGNED : `'${names[0]}' must be a 'SignedHeader' in the AWS Authorization.`;
  return fail(style, 403, "SignatureDoesNotMatch", message);
}

export function malformedCredential(style: ErrorStyle, location: Location, credential: string): VerifyFailure {
  if (style === "aws") return fail(style, 400, "IncompleteSignature", `${M.MSG_CREDENTIAL_PARTS} got '${credential}'`);
  return location === "query"
    ? fail(style, 400, "AuthorizationQueryParametersError", M.S3_MSG_QUERY_CREDENTIAL + M.S3_MSG_CREDENTIAL_SHAPE)
    : fail(style, 400, "AuthorizationHeaderMalformed", M.S3_MSG_MALFORMED + M.S3_MSG_CREDENTIAL_SHAPE);
}

/** One way the credential scope does not fit the request or the endpoint. */
export type ScopeProblem =
  | { kind: "date"; got: string; expected: string; amzDate: string }
  | { kind: "region"; got: string; expected: string }
  | { kind: "service"; got: string; expected: string }
  | { kind: "terminator"; got: string };

function awsScopeSentence(p: ScopeProblem): string {
  switch (p.kind) {
    case "region":
      return `Credential should be scoped to a valid region, not '${p.got}'. `;
    case "service":
      return `Credential should be scoped to correct service: '${p.expected}'. `;
    case "terminator":
      return `Credential should be scoped with a valid terminator: 'aws4_request', not '${p.got}'. `;
    case "date":
      return `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${p.got}' != '${p.expected}', from '${p.amzDate}'. `;
  }
}

function s3ScopeMessage(p: ScopeProblem, location: Location): string {
  const prefix = location === "query" ? M.S3_MSG_QUERY_CREDENTIAL : M.S3_MSG_MALFORMED;
  switch (p.kind) {
    case "region":
      return `${prefix}the region '${p.got}' is wrong; expecting '${p.expected}'`;
    case "service":
      return `${prefix}incorrect service "${p.got}". This endpoint belongs to "${p.expected}".`;
    case "terminator":
      return `${prefix}incorrect terminal "${p.got}". This endpoint uses "aws4_request".`;
    case "date": {
      const sentence = `Invalid credential date "${p.got}". This date is not the same as X-Amz-Date: "${p.expected}".`;
      return location === "query" ? sentence : M.S3_MSG_MALFORMED + sentence;
    }
  }
}

/** Services other than S3 list every problem in one message; S3 reports the first (date, region, service, terminator). */
export function scopeMismatch(style: ErrorStyle, location: Location, problems: readonly ScopeProblem[]): VerifyFailure {
  if (style === "aws") return fail(style, 403, "SignatureDoesNotMatch", problems.map(awsScopeSentence).join(""));
  const order = ["date", "region", "service", "terminator"];
  const first = problems.slice().sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))[0];
  const code = location === "query" ? "AuthorizationQueryParametersError" : "AuthorizationHeaderMalformed";
  return fail(style, 400, code, s3ScopeMessage(first, location), first.kind === "region" ? { Region: first.expected } : undefined);
}

export function unknownAccessKey(style: ErrorStyle, accessKeyId: string): VerifyFailure {
  if (style === "s3") return fail(style, 403, "InvalidAccessKeyId", M.S3_MSG_UNKNOWN_KEY, { AWSAccessKeyId: accessKeyId });
  return fail(style, 403, "InvalidClientTokenId", M.MSG_INVALID_CLIENT_TOKEN);
}

/**
 * A session token that is missing, wrong, or sent with a key that has none. S3 answers the first
 * two as an unknown key (its temporary keys exist only with their token) and the last as InvalidToken.
 */
export function tokenMismatch(style: ErrorStyle, accessKeyId: string, unexpected: boolean): VerifyFailure {
  if (style === "s3" && unexpected) return fail(style, 400, "InvalidToken", M.S3_MSG_INVALID_TOKEN);
  return unknownAccessKey(style, accessKeyId);
}

export function missingContentSha256(style: ErrorStyle): VerifyFailure {
  return fail(style, 400, "InvalidRequest", M.S3_MSG_MISSING_CONTENT_SHA256);
}

export function invalidContentSha256(style: ErrorStyle, value: string): VerifyFailure {
  const message = `x-amz-content-sha256 must be ${M.S3_PAYLOAD_MARKERS.join(", ")} or a valid sha256 value.`;
  return fail(style, 400, "InvalidArgument", message, { ArgumentName: "x-amz-content-sha256", ArgumentValue: value });
}

export function contentSha256Mismatch(style: ErrorStyle, declared: string, computed: string): VerifyFailure {
  return fail(style, 400, "XAmzContentSHA256Mismatch", M.S3_MSG_CONTENT_SHA256_MISMATCH, {
    ClientComputedContentSHA256: declared,
    S3ComputedContentSHA256: computed,
  });
}

export interface Computed {
  canonicalRequest: string;
  stringToSign: string;
}

/**
 * The signature does not match. `computed` is what the server signed; it is missing when the
 * request could not be put in canonical form at all (a malformed escape in the path or query).
 */
export function signatureMismatch(style: ErrorStyle, accessKeyId: string, provided: string, computed?: Computed): VerifyFailure {
  if (computed === undefined) {
    return fail(style, 403, "SignatureDoesNotMatch", style === "s3" ? M.S3_MSG_SIGNATURE_MISMATCH : M.MSG_SIGNATURE_MISMATCH);
  }
  const { canonicalRequest, stringToSign } = computed;
  const failure =
    style === "s3"
      ? fail(style, 403, "SignatureDoesNotMatch", M.S3_MSG_SIGNATURE_MISMATCH, {
          AWSAccessKeyId: accessKeyId,
          StringToSign: stringToSign,
          SignatureProvided: provided,
          StringToSignBytes: spacedHex(stringToSign),
          CanonicalRequest: canonicalRequest,
          CanonicalRequestBytes: spacedHex(canonicalRequest),
        })
      : fail(
          style,
          403,
          "SignatureDoesNotMatch",
          `${M.MSG_SIGNATURE_MISMATCH}\n\n${M.MSG_CANONICAL_INTRO}\n'${canonicalRequest}'\n\n${M.MSG_STRING_TO_SIGN_INTRO}\n'${stringToSign}'\n`,
        );
  return { ...failure, canonicalRequest, stringToSign };
}

/** A presigning parameter S3 refuses with AuthorizationQueryParametersError (X-Amz-Expires out of range, one given twice). */
export function invalidQueryParameter(style: ErrorStyle, message: string): VerifyFailure {
  return style === "s3" ? fail(style, 400, "AuthorizationQueryParametersError", message) : fail(style, 400, "IncompleteSignature", message);
}

/** The message for an X-Amz-Expires that is not a whole number of seconds from 0 to 7 days, or undefined when it is one. */
export function expiresProblem(raw: string): string | undefined {
  if (!/^-?\d{1,16}$/.test(raw)) return M.MSG_EXPIRES_NOT_NUMBER;
  const seconds = Number(raw);
  if (seconds < 0) return M.MSG_EXPIRES_NEGATIVE;
  return seconds > MAX_EXPIRES ? M.MSG_EXPIRES_TOO_LONG : undefined;
}

export interface Lifetime {
  requestMs: number;
  expiresSeconds: number;
  nowMs: number;
}

/** A presigned URL used after X-Amz-Date + X-Amz-Expires ("RequestExpired" is the Common Errors code for that). */
export function presignExpired(style: ErrorStyle, t: Lifetime): VerifyFailure {
  if (style === "aws") return fail(style, 400, "RequestExpired", M.MSG_REQUEST_EXPIRED);
  return fail(style, 403, "AccessDenied", M.S3_MSG_EXPIRED, {
    "X-Amz-Expires": String(t.expiresSeconds),
    Expires: iso(t.requestMs + t.expiresSeconds * 1000),
    ServerTime: iso(t.nowMs),
  });
}

/** A presigned URL whose X-Amz-Date lies further in the future than the skew allows. */
export function presignNotYetValid(style: ErrorStyle, clock: Clock): VerifyFailure {
  if (style === "aws") return skewed(style, clock);
  return fail(style, 403, "AccessDenied", M.S3_MSG_NOT_YET_VALID, { "X-Amz-Date": clock.raw, ServerTime: iso(clock.nowMs) });
}
