// Signing options, their validation, and the defaults that depend on the service.
//
// | setting              | S3 family (s3, s3express, s3-outposts, s3-object-lambda) | every other service |
// |----------------------|-----------------------------------------------------------|---------------------|
// | uriEncoding          | 'single'                                                  | 'double'            |
// | normalizePath        | false                                                     | true                |
// | contentSha256Header  | true, and false is refused (header signing)               | false (1)           |
// | payload (sign)       | 'sign'                                                    | 'sign'              |
// | payload (presign)    | 'unsigned' (UNSIGNED-PAYLOAD)                             | 'sign'              |
// | sessionToken         | 'signed', and 'appended' is refused ('s3session': s3express) | 'signed'          |
// | x-amz-* headers      | always signed (unsignedHeaders may not name one)          | as the filters say  |
// Explicit options override every other default. S3 refuses the choices refused here.
// (1) x-amz-content-sha256 is sent whatever the setting when the payload line is one the service
//     cannot work out (payload.ts, mustDeclare): a marker, or for a presigned S3 URL, a hash.

import { SigningError } from "./errors.js";
import { S3_SERVICES, S3_EXPRESS, AMZ_PREFIX, UNSIGNED_HEADERS, UNSIGNED_HEADER_PREFIX, MAX_EXPIRES, DEFAULT_EXPIRES } from "./constants.js";
import type { UriEncoding } from "./canonical/uri.js";
import { isMarkerSetting, type PayloadSetting, type PayloadHasher } from "./payload.js";
import type { DateInput } from "./date.js";

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/**
 * Where the session token goes: into the signature as x-amz-security-token (the default); added
 * after signing (IoT and a few services); or signed as x-amz-s3session-token, for the session
 * credentials S3 Express One Zone's CreateSession returns (service 's3express').
 */
export type SessionTokenMode = "signed" | "appended" | "s3session";

export interface SignOptions {
  credentials: Credentials;
  region: string;
  service: string;
  /** Signing time; default now. A Date, epoch milliseconds, or YYYYMMDDTHHMMSSZ / YYYY-MM-DDTHH:MM:SSZ. */
  date?: DateInput;
  payload?: PayloadSetting;
  /** Opt-in: a platform SHA-256 for bodies of at least `minBytes` (default: the core hashes every body). */
  payloadHasher?: PayloadHasher;
  uriEncoding?: UriEncoding;
  normalizePath?: boolean;
  /** Send and sign x-amz-content-sha256 (header signing only). */
  contentSha256Header?: boolean;
  sessionToken?: SessionTokenMode;
  /** More header names to leave unsigned, on top of the default list. */
  unsignedHeaders?: readonly string[];
  /** Sign only these headers (host, x-amz-date, x-amz-content-sha256 and the token are always signed). */
  signedHeaders?: readonly string[];
}

/**
 * Where a presigned URL's x-amz-* headers go: 'none' (the default) keeps them headers the client
 * sends with the URL; 'x-amz' moves them into the query, signed there, so that the URL works alone
 * (as the AWS SDKs' presigners do). x-amz-content-sha256 stays a header (S3 reads it only there),
 * and so do the SSE-C key headers (a key never goes into a URL) and headers named as a presigning
 * parameter the signer sets (x-amz-expires…).
 */
export type HoistSetting = "none" | "x-amz";

export interface PresignOptions extends Omit<SignOptions, "contentSha256Header"> {
  /** Seconds the URL stays valid: 1 to 604800 (7 days), default 900. */
  expiresIn?: number;
  hoist?: HoistSetting;
}

/** Options with every default filled in. */
export interface Settings {
  credentials: Credentials;
  region: string;
  service: string;
  /** Whether the service follows the S3 rules (S3_SERVICES). */
  s3: boolean;
  uriEncoding: UriEncoding;
  normalizePath: boolean;
  contentSha256Header: boolean;
  /** The caller's payload setting (checked when the payload hash is computed); undefined: the fallback. */
  payload: PayloadSetting | undefined;
  payloadHasher: PayloadHasher | undefined;
  payloadFallback: "sign" | "unsigned";
  sessionToken: SessionTokenMode;
  isSigned: (name: string) => boolean;
  expiresIn: number;
  /** Presigning only ('none' for header signing). */
  hoist: HoistSetting;
}

// A scope element may not contain '/', whitespace or control characters: it is joined with '/'.
// 128 characters keeps region and service within the core's string-to-sign region.
const SCOPE_ELEMENT = /^[\x21-\x2e\x30-\x7e]{1,128}$/;
// AWS secrets are 40 characters; the bound keeps any secret within the core's input region.
const MAX_SECRET_LENGTH = 16384;
const ACCESS_KEY_ID = /^[\x21-\x2b\x2d-\x2e\x30-\x7e]+$/;
// Spaces inside only: a field value's edges are stripped in transit (RFC 9110 §5.5).
const TOKEN_VALUE = /^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/;

function checkCredentials(credentials: Credentials | undefined): Credentials {
  if (credentials === null || typeof credentials !== "object") {
    throw new SigningError("InvalidCredentials", "options.credentials", "must be an object with accessKeyId and secretAccessKey");
  }
  const { accessKeyId, secretAccessKey, sessionToken } = credentials;
  if (typeof accessKeyId !== "string" || !ACCESS_KEY_ID.test(accessKeyId)) {
    throw new SigningError("InvalidCredentials", "options.credentials.accessKeyId", "must be a non-empty string of visible ASCII without '/' or ','");
  }
  if (typeof secretAccessKey !== "string" || secretAccessKey.length === 0 || secretAccessKey.length > MAX_SECRET_LENGTH) {
    throw new SigningError("InvalidCredentials", "options.credentials.secretAccessKey", `must be a non-empty string of at most ${MAX_SECRET_LENGTH} characters`);
  }
  if (sessionToken !== undefined && (typeof sessionToken !== "string" || !TOKEN_VALUE.test(sessionToken))) {
    throw new SigningError("InvalidCredentials", "options.credentials.sessionToken", "must be printable ASCII, without spaces at its ends");
  }
  // The values checked, not the caller's object: a Signer keeps them, and a later change to that
  // object (or a getter answering differently) would otherwise skip every check above.
  return sessionToken === undefined ? { accessKeyId, secretAccessKey } : { accessKeyId, secretAccessKey, sessionToken };
}

function checkScopeElement(value: unknown, field: string): string {
  if (typeof value !== "string" || !SCOPE_ELEMENT.test(value)) {
    throw new SigningError("InvalidOption", field, "must be 1 to 128 characters of visible ASCII without '/'");
  }
  return value;
}

function oneOf<T extends string>(value: T | undefined, allowed: readonly T[], fallback: T, field: string): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value)) throw new SigningError("InvalidOption", field, `must be one of ${allowed.map((a) => `'${a}'`).join(", ")}`);
  return value;
}

function flag(value: boolean | undefined, fallback: boolean, field: string): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== "boolean") throw new SigningError("InvalidOption", field, "must be a boolean");
  return value;
}

function nameSet(names: readonly string[] | undefined, field: string): Set<string> | undefined {
  if (names === undefined) return undefined;
  if (!Array.isArray(names) || names.some((n) => typeof n !== "string")) throw new SigningError("InvalidOption", field, "must be an array of header names");
  return new Set(names.map((n) => n.toLowerCase()));
}

/** x-amz-* headers are signed for S3, which refuses them unsigned (403 "There were headers present in the request which were not signed"). */
function headerFilter(options: SignOptions, s3: boolean): (name: string) => boolean {
  const extraUnsigned = nameSet(options.unsignedHeaders, "options.unsignedHeaders");
  const only = nameSet(options.signedHeaders, "options.signedHeaders");
  if (s3 && extraUnsigned !== undefined) {
    for (const name of extraUnsigned) {
      if (name.startsWith(AMZ_PREFIX)) throw new SigningError("InvalidOption", "options.unsignedHeaders", `cannot hold '${name}': S3 refuses a request with an unsigned x-amz-* header`);
    }
  }
  return (name) => {
    if (s3 && name.startsWith(AMZ_PREFIX)) return true;
    if (only !== undefined) return only.has(name);
    if (UNSIGNED_HEADERS.includes(name) || name.startsWith(UNSIGNED_HEADER_PREFIX)) return false;
    return extraUnsigned === undefined || !extraUnsigned.has(name);
  };
}

function checkExpires(value: unknown): number {
  if (value === undefined) return DEFAULT_EXPIRES;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > MAX_EXPIRES) {
    throw new SigningError("InvalidExpires", "options.expiresIn", `must be a whole number of seconds from 1 to ${MAX_EXPIRES} (7 days)`);
  }
  return value;
}

function checkHasher(hasher: PayloadHasher | undefined): PayloadHasher | undefined {
  if (hasher === undefined) return undefined;
  if (hasher === null || typeof hasher !== "object" || typeof hasher.sha256Hex !== "function") {
    throw new SigningError("InvalidOption", "options.payloadHasher", "must be an object with a sha256Hex(data) function");
  }
  const min = hasher.minBytes;
  if (min !== undefined && (typeof min !== "number" || !Number.isInteger(min) || min < 0)) {
    throw new SigningError("InvalidOption", "options.payloadHasher.minBytes", "must be a whole number ≥ 0");
  }
  return hasher;
}

/**
 * contentSha256Header, default on for S3, which requires it (400 "Missing required header for this
 * request: x-amz-content-sha256"). A payload marker can only travel in that header (payload.ts,
 * mustDeclare), which the signer then sends: turning the header off is refused there too.
 */
function checkContentShaHeader(options: SignOptions, s3: boolean): boolean {
  const value = flag(options.contentSha256Header, s3, "options.contentSha256Header");
  if (value) return true;
  if (s3) throw new SigningError("InvalidOption", "options.contentSha256Header", "cannot be false for S3, which requires x-amz-content-sha256 on every request signed with an Authorization header");
  if (isMarkerSetting(options.payload) && options.contentSha256Header === false) {
    throw new SigningError("InvalidOption", "options.contentSha256Header", "cannot be false with a payload of UNSIGNED-PAYLOAD or a STREAMING-… marker: a service learns such a payload only from x-amz-content-sha256, and hashes the body without it");
  }
  return false;
}

/** 'appended' leaves the token out of the signature, which S3 refuses (the header unsigned, or the URL's signature wrong); 's3session' is S3 Express's. */
function checkTokenMode(value: SessionTokenMode | undefined, service: string, s3: boolean): SessionTokenMode {
  const mode = oneOf(value, ["signed", "appended", "s3session"], "signed", "options.sessionToken");
  if (mode === "appended" && s3) throw new SigningError("InvalidOption", "options.sessionToken", "cannot be 'appended' for S3, which requires the session token to be signed");
  if (mode === "s3session" && service !== S3_EXPRESS) throw new SigningError("InvalidOption", "options.sessionToken", `can be 's3session' only for service '${S3_EXPRESS}' (S3 Express One Zone session credentials)`);
  return mode;
}

/** The canonicalisation defaults of a service (the table above): S3 encodes the path once and keeps it as it is. */
export function serviceRules(service: string): { uriEncoding: UriEncoding; normalizePath: boolean } {
  const s3 = S3_SERVICES.includes(service);
  return { uriEncoding: s3 ? "single" : "double", normalizePath: !s3 };
}

/** The same settings under other credentials (checked). */
export function withCredentials(s: Settings, credentials: Credentials): Settings {
  // Field by field, in resolveSettings' order (one object shape for both); a spread costs about
  // three times as much here (Node 20, measured on this project's machine class).
  return {
    credentials: checkCredentials(credentials),
    region: s.region,
    service: s.service,
    s3: s.s3,
    uriEncoding: s.uriEncoding,
    normalizePath: s.normalizePath,
    contentSha256Header: s.contentSha256Header,
    payload: s.payload,
    payloadHasher: s.payloadHasher,
    payloadFallback: s.payloadFallback,
    sessionToken: s.sessionToken,
    isSigned: s.isSigned,
    expiresIn: s.expiresIn,
    hoist: s.hoist,
  };
}

/** Validates options and fills in the defaults for header signing ('header') or presigning ('query'). */
export function resolveSettings(options: SignOptions | PresignOptions, location: "header" | "query"): Settings {
  if (options === null || typeof options !== "object") throw new SigningError("InvalidOption", "options", "must be an object");
  const credentials = checkCredentials(options.credentials);
  const region = checkScopeElement(options.region, "options.region");
  const service = checkScopeElement(options.service, "options.service");
  // Not a signing name, though it looks like one: a request signed for it is refused.
  if (service === "s3-express") throw new SigningError("InvalidOption", "options.service", `is not a signing name: S3 Express One Zone signs as '${S3_EXPRESS}'`);
  const s3 = S3_SERVICES.includes(service);
  const rules = serviceRules(service);
  return {
    credentials,
    region,
    service,
    s3,
    uriEncoding: oneOf(options.uriEncoding, ["double", "single"], rules.uriEncoding, "options.uriEncoding"),
    normalizePath: flag(options.normalizePath, rules.normalizePath, "options.normalizePath"),
    contentSha256Header: location === "header" && checkContentShaHeader(options as SignOptions, s3),
    payload: options.payload,
    payloadHasher: checkHasher(options.payloadHasher),
    payloadFallback: s3 && location === "query" ? "unsigned" : "sign",
    sessionToken: checkTokenMode(options.sessionToken, service, s3),
    isSigned: headerFilter(options, s3),
    expiresIn: location === "query" ? checkExpires((options as PresignOptions).expiresIn) : 0,
    hoist: location === "query" ? oneOf((options as PresignOptions).hoist, ["none", "x-amz"], "none", "options.hoist") : "none",
  };
}
