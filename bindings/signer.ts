// The signer: orchestrates the spec steps (request → canonical request → string to sign →
// signature → Authorization header or presigned URL). Each step lives in its own file.

import { core } from "./wasm/instance.js";
import { SigningError } from "./errors.js";
import { SigningKeyCache, type KeyCacheStats } from "./key-cache.js";
import { resolveSettings, withCredentials, type SignOptions, type PresignOptions, type Settings } from "./settings.js";
import { prepareRequest, trimAll, type HttpRequest, type Header, type PreparedRequest } from "./request.js";
import { signingDate, type SigningDate, type DateInput } from "./date.js";
import { canonicalUri } from "./canonical/uri.js";
import { parseQuery, canonicalQuery, canonicalQueryOf, paramName, type QueryPair } from "./canonical/query.js";
import { canonicalHeaders, type CanonicalHeaders } from "./canonical/headers.js";
import { canonicalRequest } from "./canonical/request.js";
import { uriEncode } from "./canonical/encode.js";
import { payloadHash, bodyForCore, mustDeclare, checkMarkerFor } from "./payload.js";
import { credentialScope } from "./scope.js";
import { computeSignature, computeSignatureOfBody, type Signature } from "./signature.js";
import { authorizationHeader } from "./authorization.js";
import {
  ALGORITHM, HOST, AUTHORIZATION, AMZ_DATE, AMZ_SECURITY_TOKEN, AMZ_S3SESSION_TOKEN, AMZ_CONTENT_SHA256, PRESIGN_PARAMS, S3_EXPRESS,
  Q_ALGORITHM, Q_CREDENTIAL, Q_DATE, Q_EXPIRES, Q_SIGNED_HEADERS, Q_SECURITY_TOKEN, Q_S3SESSION_TOKEN, Q_SIGNATURE,
  UNHOISTED_HEADERS, CUSTOMER_KEY_MARK, AMZ_PREFIX,
} from "./constants.js";

export interface SignedRequest {
  method: string;
  url: string;
  /** Every header to send, lower-case names: the caller's, host, x-amz-date, the token, x-amz-content-sha256 and authorization. */
  headers: Record<string, string>;
  authorization: string;
  signature: string;
  amzDate: string;
  credentialScope: string;
  signedHeaders: string;
  canonicalRequest: string;
  stringToSign: string;
}

export interface PresignedRequest {
  url: string;
  method: string;
  /**
   * Signed headers the client must still send with the URL: the caller's (but x-amz-* headers with
   * hoist 'x-amz'), host only when the signed Host is not the URL's, and x-amz-content-sha256 when
   * the payload line is one the service would not assume (S3: a hash; other services: UNSIGNED-PAYLOAD).
   */
  headers: Record<string, string>;
  signature: string;
  canonicalRequest: string;
  stringToSign: string;
  expiresAt: Date;
}

/** Headers the signer sets itself; a caller's copies are replaced. */
const isReplaced = (name: string): boolean => name === AUTHORIZATION || name === AMZ_DATE || name === AMZ_CONTENT_SHA256;

/** A header the signer adds. Its values (host, date, hash, Authorization) are canonical already; a token may not be. */
function added(name: string, value: string, canonical = value): Header {
  return { name, value, canonical };
}

// Host, x-amz-date, the payload hash and the token repeat from call to call: the last of each is
// reused (a Header is never changed once made). A session token is long (about 1 KB from STS), and
// its canonical form would otherwise be checked again on every call.

/** The Header `name` with a value, the last one made while the value repeats; `canonicalOf` runs only for a new value. */
function lastHeader(name: string, canonicalOf: (value: string) => string = (value) => value): (value: string) => Header {
  let last = added(name, "");
  return (value) => (last.value === value ? last : (last = added(name, value, canonicalOf(value))));
}
const hostHeader = lastHeader(HOST);
const contentShaHeader = lastHeader(AMZ_CONTENT_SHA256);
/** Where a session token goes: its header (made as the other repeating headers) and its query parameter. */
interface TokenPlace {
  header: (value: string) => Header;
  param: string;
}
const SECURITY_TOKEN: TokenPlace = { header: lastHeader(AMZ_SECURITY_TOKEN, trimAll), param: Q_SECURITY_TOKEN };
const S3SESSION_TOKEN: TokenPlace = { header: lastHeader(AMZ_S3SESSION_TOKEN, trimAll), param: Q_S3SESSION_TOKEN };
/** 's3session': S3 Express One Zone's names for the token of session credentials. */
const tokenPlace = (s: Settings): TokenPlace => (s.sessionToken === "s3session" ? S3SESSION_TOKEN : SECURITY_TOKEN);
let lastDate = added(AMZ_DATE, "");
let lastDateOf: SigningDate | undefined;
/** Keyed by the SigningDate, which signingDate() returns again within a second: no date text is compared. */
function dateHeader(date: SigningDate): Header {
  if (date !== lastDateOf) {
    lastDate = added(AMZ_DATE, date.amzDate);
    lastDateOf = date;
  }
  return lastDate;
}

/**
 * The headers as a record, the values of a repeated name joined by ',' (trimmed). Repeats are found by
 * looking back through the (few) earlier names: a read of a property the record does not have yet
 * costs more than the look-back (6 headers: 125 ns against 265 ns, measured on this project's
 * machine class with Node 20). Past 16 headers the record itself is asked, so that a request with
 * thousands of headers costs linear time.
 */
function toRecord(headers: readonly Header[]): Record<string, string> {
  const out: Record<string, string> = {};
  const lookBack = headers.length <= 16;
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i];
    let repeated = false;
    if (lookBack) for (let j = 0; j < i && !repeated; j++) repeated = headers[j].name === h.name;
    else repeated = Object.prototype.hasOwnProperty.call(out, h.name);
    // Sent as one field, repeated values are trimmed where they meet: a server trims only the
    // field's ends, and the signature covers each value trimmed, joined by ','.
    const value = repeated ? out[h.name].trim() + "," + h.value.trim() : h.value;
    // "__proto__" is a valid header name, and assigning it would set the record's prototype instead.
    if (h.name === "__proto__") Object.defineProperty(out, h.name, { value, enumerable: true, writable: true, configurable: true });
    else out[h.name] = value;
  }
  return out;
}

/**
 * The caller's headers plus host (first, when the caller sent none), without the copies of
 * signer-owned headers: req.headers itself, compacted in place (prepareRequest made it for this call alone).
 */
function baseHeaders(req: PreparedRequest, s: Settings, replaced: (name: string) => boolean): Header[] {
  // With a token in the credentials, the signer writes the token header: a caller's copies go,
  // for S3 Express under either name (the AWS SDK refuses x-amz-security-token beside a session's).
  const dropToken = s.credentials.sessionToken !== undefined;
  const dropS3Session = dropToken && s.service === S3_EXPRESS;
  const headers = req.headers;
  let host = false;
  let kept = 0;
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i];
    if (replaced(h.name) || (dropToken && h.name === AMZ_SECURITY_TOKEN) || (dropS3Session && h.name === AMZ_S3SESSION_TOKEN)) continue;
    host ||= h.name === HOST;
    headers[kept++] = h;
  }
  if (kept !== headers.length) headers.length = kept;
  if (!host) headers.unshift(hostHeader(req.host));
  return headers;
}

function declaredHash(req: PreparedRequest): string | undefined {
  for (const h of req.headers) if (h.name === AMZ_CONTENT_SHA256) return h.canonical;
  return undefined;
}

function signCanonical(job: Job, creq: string, cache: SigningKeyCache): Signature {
  const { s, date } = job;
  const c = core();
  cache.load(c, s.credentials.accessKeyId, s.credentials.secretAccessKey, date.shortDate, s.region, s.service);
  return job.coreBody === undefined ? computeSignature(c, creq, date.amzDate, job.scope) : computeSignatureOfBody(c, job.coreBody, creq, date.amzDate, job.scope);
}

/**
 * The presigning parameters a URL may already carry from an earlier presign: replaced, never
 * doubled. Names are compared as a server reads them, percent-decoded and without regard to case
 * (as S3 does): an x-amz-expires the caller's URL brought in any spelling would otherwise travel
 * beside the signer's, and a server that read it first would stretch the URL's lifetime.
 */
const AUTH_PARAMS = PRESIGN_PARAMS.map((name) => name.toLowerCase());

function withoutAuthParams(query: string): string {
  if (!/x-amz-|%/i.test(query)) return query;
  return query
    .split("&")
    .filter((part) => !AUTH_PARAMS.includes(paramName(part)))
    .join("&");
}

/** What both signing locations start from: settings, time, the request and its payload hash. */
interface Job {
  s: Settings;
  date: SigningDate;
  req: PreparedRequest;
  /** The payload hash; "" while the core is to hash `coreBody` as it signs. */
  payload: string;
  /** The body the core hashes in the signing call (payload.ts, bodyForCore). */
  coreBody: string | Uint8Array | undefined;
  /** The caller's own x-amz-content-sha256, if any. */
  declared: string | undefined;
  scope: string;
}

function startJob(request: HttpRequest, dateInput: DateInput | undefined, s: Settings, location: "header" | "query"): Job {
  const date = signingDate(dateInput, "options.date");
  const req = prepareRequest(request);
  if (location === "query") req.query = withoutAuthParams(req.query);
  const declared = declaredHash(req);
  // With an Authorization header and no x-amz-content-sha256, the hash is needed only by the core.
  const coreBody = location === "header" && !s.contentSha256Header ? bodyForCore(req.body, s.payload, declared, s.payloadFallback, s.payloadHasher) : undefined;
  const payload = coreBody === undefined ? payloadHash(req.body, s.payload, declared, s.payloadFallback, s.payloadHasher) : "";
  checkMarkerFor(payload, s.s3, s.payload);
  return { s, date, req, payload, coreBody, declared, scope: credentialScope(date.shortDate, s.region, s.service) };
}

/** Whether x-amz-content-sha256 goes with the request: the caller sent one, or the service could not work out the payload line without it. */
function declares(job: Job, s: Settings, location: "header" | "query"): boolean {
  return job.declared !== undefined || mustDeclare(job.payload, s.s3, location);
}

/** The canonical request, its payload hash job.payload (only the lines before it while the core is to hash the body). */
function canonicalRequestFor(job: Job, query: string, headers: CanonicalHeaders): string {
  return canonicalRequest({
    method: job.req.method,
    uri: canonicalUri(job.req.path, job.s.uriEncoding, job.s.normalizePath),
    query,
    headers,
    payloadHash: job.payload,
  });
}

/**
 * The headers that go into the signature: host, x-amz-date and x-amz-content-sha256 always, the
 * token as configured, the rest by the settings' filter. When every header is signed (the usual
 * case) this is `headers` itself, which canonicalHeaders then sorts in place: no second array.
 */
function signedSubset(headers: Header[], s: Settings, tokenSigned: boolean): Header[] {
  let out: Header[] | undefined;
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i];
    const name = h.name;
    const signed = name === HOST || name === AMZ_DATE || name === AMZ_CONTENT_SHA256 || (name === AMZ_SECURITY_TOKEN ? tokenSigned : s.isSigned(name));
    if (out !== undefined) {
      if (signed) out.push(h);
    } else if (!signed) out = headers.slice(0, i);
  }
  return out ?? headers;
}

/** Signs with an Authorization header, under settings already resolved (see resolveSettings). */
export function signWith(request: HttpRequest, dateInput: DateInput | undefined, s: Settings, cache: SigningKeyCache): SignedRequest {
  const job = startJob(request, dateInput, s, "header");
  const { date, req, payload, scope } = job;
  const token = s.credentials.sessionToken;
  const headers = baseHeaders(req, s, isReplaced);
  headers.push(dateHeader(date));
  if (s.contentSha256Header || declares(job, s, "header")) headers.push(contentShaHeader(payload));
  if (token !== undefined) headers.push(tokenPlace(s).header(token));
  // The record keeps the request's order; canonicalHeaders then sorts the array in place.
  const record = toRecord(headers);
  const canonical = canonicalHeaders(signedSubset(headers, s, s.sessionToken !== "appended"));
  const creq = canonicalRequestFor(job, canonicalQueryOf(req.query), canonical);
  const signing = signCanonical(job, creq, cache);
  const authorization = authorizationHeader(s.credentials.accessKeyId, scope, canonical.signedHeaders, signing.signature);
  const canonicalRequest = signing.payloadHash === undefined ? creq : creq + signing.payloadHash;
  record[AUTHORIZATION] = authorization;
  return {
    method: req.method,
    url: req.href,
    headers: record,
    authorization,
    signature: signing.signature,
    amzDate: date.amzDate,
    credentialScope: scope,
    signedHeaders: canonical.signedHeaders,
    canonicalRequest,
    stringToSign: signing.stringToSign,
  };
}

function param(name: string, value: string): QueryPair {
  return [name, uriEncode(value, "raw-component", name)];
}

/** The presigning parameters every presigned URL carries (a token only with one in the credentials, whose header then goes: baseHeaders). */
const ALWAYS_SET = [Q_ALGORITHM, Q_CREDENTIAL, Q_DATE, Q_EXPIRES, Q_SIGNED_HEADERS, Q_SIGNATURE].map((name) => name.toLowerCase());

/**
 * x-amz-* headers but the payload hash, the SSE-C key headers, and those named as a presigning
 * parameter the signer sets (x-amz-expires…): in the query such a header would travel beside the
 * signer's own parameter, which a server reads without regard to case.
 */
const hoistable = (name: string): boolean =>
  name.startsWith(AMZ_PREFIX) && !UNHOISTED_HEADERS.includes(name) && !name.includes(CUSTOMER_KEY_MARK) && !ALWAYS_SET.includes(name);

/**
 * presign's hoist 'x-amz': the hoistable headers leave `headers` (compacted in place) for the
 * query, one parameter per name, a repeated header's values joined as the signature covers them.
 */
function hoist(headers: Header[]): QueryPair[] {
  const values = new Map<string, string>();
  let kept = 0;
  for (const h of headers) {
    if (!hoistable(h.name)) headers[kept++] = h;
    else values.set(h.name, values.has(h.name) ? values.get(h.name) + "," + h.canonical : h.canonical);
  }
  headers.length = kept;
  // A header name may hold characters a query must escape ('*', '&', '#', '%'…: RFC 9110 tchar).
  return [...values].map(([name, value]) => [uriEncode(name, "raw-component", name), uriEncode(value, "raw-component", name)]);
}

/** Signs into the query string (a presigned URL), under settings already resolved. */
export function presignWith(request: HttpRequest, dateInput: DateInput | undefined, s: Settings, cache: SigningKeyCache): PresignedRequest {
  const job = startJob(request, dateInput, s, "query");
  const { date, req, scope } = job;
  const token = s.credentials.sessionToken;
  const headers = baseHeaders(req, s, isReplaced);
  if (declares(job, s, "query")) headers.push(contentShaHeader(job.payload));
  const hoisted = s.hoist === "x-amz" ? hoist(headers) : [];
  // The token goes into the query. Without one in the credentials, a caller's token header is an ordinary header.
  const signed = signedSubset(headers, s, s.isSigned(AMZ_SECURITY_TOKEN));
  const canonical = canonicalHeaders(signed.slice());
  const auth: QueryPair[] = [
    param(Q_ALGORITHM, ALGORITHM),
    param(Q_CREDENTIAL, s.credentials.accessKeyId + "/" + scope),
    param(Q_DATE, date.amzDate),
    param(Q_EXPIRES, String(s.expiresIn)),
    param(Q_SIGNED_HEADERS, canonical.signedHeaders),
  ];
  const tokenParam = token === undefined ? undefined : param(tokenPlace(s).param, token);
  if (tokenParam !== undefined && s.sessionToken !== "appended") auth.push(tokenParam);
  const creq = canonicalRequestFor(job, canonicalQuery(parseQuery(req.query).concat(hoisted, auth)), canonical);
  const signing = signCanonical(job, creq, cache);
  if (tokenParam !== undefined && s.sessionToken === "appended") auth.push(tokenParam);
  auth.push([Q_SIGNATURE, signing.signature]);
  const query = (req.query === "" ? "" : req.query + "&") + hoisted.concat(auth).map((p) => p[0] + "=" + p[1]).join("&");
  // The Host header a client sends with the URL is the URL's: it is listed only when the caller signed another.
  const sentHost = req.origin.slice(req.origin.indexOf("//") + 2);
  return {
    url: req.origin + req.path + "?" + query,
    method: req.method,
    headers: toRecord(signed.filter((h) => h.name !== HOST || h.canonical !== sentHost)),
    signature: signing.signature,
    canonicalRequest: creq,
    stringToSign: signing.stringToSign,
    expiresAt: new Date(date.epochMs + s.expiresIn * 1000),
  };
}

const sharedCache = new SigningKeyCache(64);

/** Signs a request with an Authorization header (synchronous). */
export function sign(request: HttpRequest, options: SignOptions): SignedRequest {
  const s = resolveSettings(options, "header");
  return signWith(request, options.date, s, sharedCache);
}

/** Presigns a request: the signature goes into the URL (synchronous). */
export function presign(request: HttpRequest, options: PresignOptions): PresignedRequest {
  const s = resolveSettings(options, "query");
  return presignWith(request, options.date, s, sharedCache);
}

/** What a Signer is built with: the options every call shares, and the size of its key cache. */
export interface SignerConfig extends Omit<PresignOptions, "date"> {
  contentSha256Header?: boolean;
  /** Signing keys kept (LRU), default 64: one per access key, day, region and service. */
  cacheSize?: number;
}

/**
 * The settings for one call: the signer's own when the call overrides only the date and the
 * credentials (a gateway signing for many callers), resolved afresh when it overrides anything else.
 * An option given as undefined is not given: the signer's own value stays.
 */
function settingsFor(base: Settings, config: SignerConfig, options: Partial<SignOptions> | undefined, location: "header" | "query"): Settings {
  if (options === undefined) return base;
  if (options === null || typeof options !== "object") throw new SigningError("InvalidOption", "options", "must be an object or undefined");
  for (const key in options) {
    if (key !== "date" && key !== "credentials" && options[key as keyof SignOptions] !== undefined) return resolveSettings(overridden(config, options), location);
  }
  return options.credentials === undefined ? base : withCredentials(base, options.credentials);
}

/** The signer's config with the options a call gives (not undefined) in place of its own. */
function overridden(config: SignerConfig, options: Partial<SignOptions>): SignerConfig {
  const out: Record<string, unknown> = { ...config };
  for (const [key, value] of Object.entries(options)) if (value !== undefined) out[key] = value;
  return out as unknown as SignerConfig;
}

/** Credentials, region and service held once, with a key cache of its own. */
export class Signer {
  readonly #config: SignerConfig;
  readonly #cache: SigningKeyCache;

  // Settings resolved once from the config: reused by every call that overrides only the date or the credentials.
  readonly #headerSettings: Settings;
  readonly #querySettings: Settings;

  constructor(config: SignerConfig) {
    this.#headerSettings = resolveSettings(config, "header");
    this.#querySettings = resolveSettings(config, "query");
    // A copy, as the credentials in the settings are: a later change to the caller's objects is not seen.
    this.#config = { ...config };
    this.#cache = new SigningKeyCache(config.cacheSize);
  }

  /** Signs with an Authorization header; `options` override the signer's for this call. */
  sign(request: HttpRequest, options?: Partial<SignOptions>): SignedRequest {
    return signWith(request, options?.date, settingsFor(this.#headerSettings, this.#config, options, "header"), this.#cache);
  }

  /** Presigns; `options` override the signer's for this call. */
  presign(request: HttpRequest, options?: Partial<PresignOptions>): PresignedRequest {
    return presignWith(request, options?.date, settingsFor(this.#querySettings, this.#config, options, "query"), this.#cache);
  }

  /** Hits, misses and size of this signer's key cache. */
  cacheStats(): KeyCacheStats {
    return this.#cache.stats();
  }
}
