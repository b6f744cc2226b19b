// verify(): checks an incoming SigV4 request the way an AWS service does, and answers as that
// service would. The work is in two halves around the credential lookup, so that verifyAsync can
// await a lookup in a database: `begin` reads and checks everything the request says about
// itself (components, time, scope), `finish` checks the token, rebuilds the canonical request
// with the signer's canonicalisation and compares signatures in constant time.
//
// The order of the checks is the order AWS reports them in. Services other than S3 (DynamoDB's
// recorded responses, mhart/dynalite): components and date, the date format, the clock, the host
// being signed, the algorithm, the credential, the scope, the access key, the signature. Amazon S3
// looks at the access key and the signature before the clock (an S3 request that is both too old
// and badly signed is a SignatureDoesNotMatch), and checks the body against its declared hash last.

import { core } from "../wasm/instance.js";
import { SigningKeyCache } from "../key-cache.js";
import { computeSignature, type Signature } from "../signature.js";
import { credentialScope } from "../scope.js";
import { ALGORITHM, AUTHORIZATION, AMZ_DATE, AMZ_SECURITY_TOKEN, AMZ_S3SESSION_TOKEN, AMZ_CONTENT_SHA256, HOST, S3_SERVICES, S3_EXPRESS, DATE_HEADER, MSG_QUERY_REPEATED, Q_SIGNATURE, Q_SECURITY_TOKEN } from "../constants.js";
import { receive, headerValue, type Received } from "./received.js";
import { parseAuthorization } from "./authorization-parse.js";
import { isPresigned, readQueryAuth, repeatedParameter, REQUIRED_PARAMETERS, type QueryAuthFields } from "./presigned-parse.js";
import { splitCredential, credentialService, scopeProblems, type Credential } from "./scope-check.js";
import { headerTime, queryTime, type RequestTime } from "./clock.js";
import { planPayload, checkBody, type PayloadInput } from "./payload-check.js";
import { canonicalFor, rulesFor } from "./canonical.js";
import { signatureMatches, constantTimeEqual } from "./compare.js";
import { resolveOptions, checkCredentials, type Settings } from "./options.js";
import * as outcome from "./outcome.js";
import type { Component, Location } from "./outcome.js";
import type {
  ErrorStyle,
  GetCredentials,
  GetCredentialsAsync,
  VerifyCredentials,
  VerifyFailure,
  VerifyOptions,
  VerifyRequest,
  VerifyResult,
} from "./types.js";

/** Everything the request says about its signature, read but not yet judged. */
interface Attempt {
  style: ErrorStyle;
  location: Location;
  received: Received;
  settings: Settings<unknown>;
  /** The Authorization header as sent ("" for a presigned request). */
  authorization: string;
  pairWithoutEquals: boolean;
  algorithm?: string;
  credentialText?: string;
  credential?: Credential;
  signedHeadersText?: string;
  signedNames: string[];
  signature?: string;
  time: RequestTime;
  expires?: string;
  tokens: string[];
  declared?: string;
}

const isS3 = (service: string): boolean => S3_SERVICES.includes(service);
const isFailure = (value: object): value is VerifyFailure => "ok" in value;

/** S3's wording when the endpoint serves S3 (every allowed service is one), else when the scope names it. */
function styleFor(services: readonly string[] | undefined, scopeService: string | undefined): ErrorStyle {
  if (services !== undefined && (services.every(isS3) || !services.some(isS3))) return isS3(services[0]) ? "s3" : "aws";
  return scopeService !== undefined && isS3(scopeService) ? "s3" : "aws";
}

/**
 * The session tokens sent: x-amz-security-token (header, or the URL's parameter), and for S3 Express
 * One Zone x-amz-s3session-token too (session credentials; CreateSession with temporary
 * credentials sends the former). Each one sent must be the key's token.
 */
function tokensOf(received: Received, credential: Credential | undefined, query?: QueryAuthFields): string[] {
  const sent = [query?.securityToken ?? headerValue(received, AMZ_SECURITY_TOKEN)];
  if (credential?.service === S3_EXPRESS) sent.push(query?.s3SessionToken ?? headerValue(received, AMZ_S3SESSION_TOKEN));
  return sent.filter((token): token is string => token !== undefined);
}

function signedNamesOf(text: string | undefined): string[] {
  return text === undefined ? [] : text.split(";").filter((n) => n !== "").map((n) => n.toLowerCase());
}

function headerAttempt(received: Received, settings: Settings<unknown>, authorization: string): Attempt {
  const f = parseAuthorization(authorization);
  const credential = f.credential === undefined ? undefined : splitCredential(f.credential);
  return {
    style: styleFor(settings.services, credentialService(f.credential)),
    location: "header",
    received,
    settings,
    authorization,
    pairWithoutEquals: f.pairWithoutEquals,
    algorithm: f.algorithm,
    credentialText: f.credential,
    credential,
    signedHeadersText: f.signedHeaders,
    signedNames: signedNamesOf(f.signedHeaders),
    signature: f.signature,
    time: headerTime(headerValue(received, AMZ_DATE), headerValue(received, DATE_HEADER)),
    tokens: tokensOf(received, credential),
    declared: headerValue(received, AMZ_CONTENT_SHA256),
  };
}

function queryAttempt(received: Received, settings: Settings<unknown>): Attempt {
  const q = readQueryAuth(received.params);
  const credential = q.credential === undefined ? undefined : splitCredential(q.credential);
  return {
    style: styleFor(settings.services, credentialService(q.credential)),
    location: "query",
    received,
    settings,
    authorization: "",
    pairWithoutEquals: false,
    algorithm: q.algorithm,
    credentialText: q.credential,
    credential,
    signedHeadersText: q.signedHeaders,
    signedNames: signedNamesOf(q.signedHeaders),
    signature: q.signature,
    time: queryTime(q.date),
    expires: q.expires,
    tokens: tokensOf(received, credential, q),
    declared: headerValue(received, AMZ_CONTENT_SHA256),
  };
}

// ---- The checks, each answering the first thing wrong it finds, or undefined ------------------

type Check = (a: Attempt) => VerifyFailure | undefined;

const pairCheck: Check = (a) => (a.pairWithoutEquals ? outcome.pairWithoutEquals(a.style, a.authorization) : undefined);

function missingHeaderComponents(a: Attempt): Component[] {
  const missing: Component[] = [];
  if (a.credentialText === undefined) missing.push("Credential");
  if (a.signature === undefined) missing.push("Signature");
  if (a.signedHeadersText === undefined) missing.push("SignedHeaders");
  return missing;
}

function missingParameter(a: Attempt): string | undefined {
  const values = [a.algorithm, a.credentialText, a.signature, a.signedHeadersText, a.time.kind === "missing" ? undefined : ""];
  const index = values.indexOf(undefined);
  if (index >= 0) return REQUIRED_PARAMETERS[index];
  // X-Amz-Expires is required by S3 only; other services accept a query signature for 15 minutes.
  return a.style === "s3" && a.expires === undefined ? "X-Amz-Expires" : undefined;
}

const componentsCheck: Check = (a) => {
  if (a.location === "query") {
    const name = missingParameter(a);
    return name === undefined ? undefined : outcome.missingQueryParameter(a.style, name);
  }
  const missing = missingHeaderComponents(a);
  // Services other than S3 report a missing date together with the missing components.
  const noDate = a.style === "aws" && a.time.kind === "missing";
  return missing.length > 0 || noDate ? outcome.missingComponents(a.style, a.authorization, missing, noDate) : undefined;
};

const algorithmCheck: Check = (a) => (a.algorithm === ALGORITHM ? undefined : outcome.unsupportedAlgorithm(a.style, a.location, a.algorithm ?? "", a.authorization));

const credentialCheck: Check = (a) => (a.credential === undefined ? outcome.malformedCredential(a.style, a.location, a.credentialText ?? "") : undefined);

const dateCheck: Check = (a) => {
  if (a.time.kind === "missing") return outcome.missingDate(a.style, a.authorization);
  return a.time.kind === "invalid" ? outcome.invalidDate(a.style, a.location, a.time.raw) : undefined;
};

/** A presigning parameter given twice: refused before any of them is read (whichever copy counted, the other would not be checked). */
const repeatCheck: Check = (a) => {
  const name = a.location === "query" ? repeatedParameter(a.received.repeated) : undefined;
  return name === undefined ? undefined : outcome.invalidQueryParameter(a.style, name + MSG_QUERY_REPEATED);
};

const expiresCheck: Check = (a) => {
  const problem = a.expires === undefined ? undefined : outcome.expiresProblem(a.expires);
  return problem === undefined ? undefined : outcome.invalidQueryParameter(a.style, problem);
};

const scopeCheck: Check = (a) => {
  if (a.credential === undefined || a.time.kind !== "ok") return undefined;
  const problems = scopeProblems(a.credential, a.time.amzDate, a.settings);
  return problems.length > 0 ? outcome.scopeMismatch(a.style, a.location, problems) : undefined;
};

/**
 * Headers that must be signed: host always; the header the time came from (services other than
 * S3); for S3, every x-amz-* header sent (S3: "There were headers present in the request which
 * were not signed"), except x-amz-content-sha256 beside a presigned URL, which S3 exempts.
 */
function unsignedRequired(a: Attempt): string[] {
  const signed = new Set(a.signedNames);
  const required = [HOST];
  if (a.style === "s3") {
    for (const [name] of a.received.headers) {
      if (name.startsWith("x-amz-") && !(a.location === "query" && name === AMZ_CONTENT_SHA256) && !required.includes(name)) required.push(name);
    }
  } else if (a.time.kind === "ok" && a.time.source !== "query") {
    required.push(a.time.source);
  }
  return required.filter((name) => !signed.has(name));
}

const signedCheck: Check = (a) => {
  const unsigned = unsignedRequired(a);
  return unsigned.length > 0 ? outcome.headersNotSigned(a.style, unsigned) : undefined;
};

const timeCheck: Check = (a) => {
  if (a.time.kind !== "ok") return undefined;
  const { nowMs, skewSeconds } = a.settings;
  const clock: outcome.Clock = { requestMs: a.time.ms, raw: a.time.raw, nowMs, skewSeconds };
  const outside = Math.abs(a.time.ms - nowMs) > skewSeconds * 1000;
  if (a.location === "header") return outside ? outcome.skewed(a.style, clock) : undefined;
  if (a.time.ms - nowMs > skewSeconds * 1000) return outcome.presignNotYetValid(a.style, clock);
  if (a.expires === undefined) return outside ? outcome.skewed(a.style, clock) : undefined;
  const expiresSeconds = Number(a.expires);
  const expired = expiresSeconds === 0 || nowMs > a.time.ms + expiresSeconds * 1000;
  return expired ? outcome.presignExpired(a.style, { requestMs: a.time.ms, expiresSeconds, nowMs }) : undefined;
};

const AWS_CHECKS: Check[] = [repeatCheck, pairCheck, componentsCheck, dateCheck, expiresCheck, timeCheck, signedCheck, algorithmCheck, credentialCheck, scopeCheck];
const S3_HEADER_CHECKS: Check[] = [algorithmCheck, pairCheck, componentsCheck, credentialCheck, dateCheck, scopeCheck, signedCheck];
const S3_QUERY_CHECKS: Check[] = [repeatCheck, componentsCheck, algorithmCheck, credentialCheck, dateCheck, expiresCheck, scopeCheck, signedCheck];

function firstFailure(a: Attempt, checks: readonly Check[]): VerifyFailure | undefined {
  for (const check of checks) {
    const failure = check(a);
    if (failure !== undefined) return failure;
  }
  return undefined;
}

// ---- The two halves -----------------------------------------------------------------------------

/** An attempt whose self-description passed every check; the credential and time are known. */
interface Pending extends Attempt {
  credential: Credential;
  signature: string;
  time: Extract<RequestTime, { kind: "ok" }>;
}

function begin<Lookup>(request: VerifyRequest, options: VerifyOptions<Lookup>): { settings: Settings<Lookup>; result: Pending | VerifyFailure } {
  const settings = resolveOptions(options);
  const received = receive(request);
  const authorization = headerValue(received, AUTHORIZATION);
  const presigned = isPresigned(received.params);
  const blank = authorization === undefined || authorization.trim() === "";
  if (blank && presigned) return { settings, result: check(queryAttempt(received, settings)) };
  if (authorization === undefined || (blank && styleFor(settings.services, undefined) === "s3")) {
    return { settings, result: outcome.missingAuthentication(styleFor(settings.services, undefined)) };
  }
  return { settings, result: check(headerAttempt(received, settings, authorization)) };
}

function check(a: Attempt): Pending | VerifyFailure {
  const checks = a.style === "aws" ? AWS_CHECKS : a.location === "header" ? S3_HEADER_CHECKS : S3_QUERY_CHECKS;
  // Passing every check means the credential, the signature and the time were all read.
  return firstFailure(a, checks) ?? (a as Pending);
}

const keys = new SigningKeyCache(64);

function expectedSignature(secret: string, credential: Credential, amzDate: string, canonicalRequest: string): Signature {
  const { accessKeyId, date, region, service } = credential;
  const c = core();
  keys.load(c, accessKeyId, secret, date, region, service);
  return computeSignature(c, canonicalRequest, amzDate, credentialScope(date, region, service));
}

/** The token a temporary key must carry, compared in constant time; a token sent with a key that has none is refused too. */
function tokenCheck(p: Pending, credentials: VerifyCredentials): VerifyFailure | undefined {
  const expected = credentials.sessionToken;
  if (expected === undefined) return p.tokens.length === 0 ? undefined : outcome.tokenMismatch(p.style, p.credential.accessKeyId, true);
  const matches = p.tokens.length > 0 && p.tokens.every((token) => constantTimeEqual(token, expected));
  return matches ? undefined : outcome.tokenMismatch(p.style, p.credential.accessKeyId, false);
}

interface SignatureCheck {
  computed?: outcome.Computed;
  matches: boolean;
}

// Received.params keys: the lower-case names.
const SIGNATURE_PARAM = Q_SIGNATURE.toLowerCase();
const TOKEN_PARAM = Q_SECURITY_TOKEN.toLowerCase();

/** Rebuilds the canonical request without `unsignedParams` in the query, signs it and compares. */
function checkSignature(p: Pending, secret: string, payloadLine: string, unsignedParams: readonly string[]): SignatureCheck {
  const canonical = canonicalFor({
    received: p.received,
    signedNames: p.signedNames,
    payloadLine,
    rules: rulesFor(p.credential.service, p.settings),
    unsignedParams,
  });
  if (canonical === undefined) return { matches: false };
  const signing = expectedSignature(secret, p.credential, p.time.amzDate, canonical.canonicalRequest);
  const matches = canonical.missing.length === 0 && signatureMatches(p.signature, signing.signature);
  return { computed: { canonicalRequest: canonical.canonicalRequest, stringToSign: signing.stringToSign }, matches };
}

/**
 * The signature over the query as received; for a presigned URL with a session token that did not
 * match, also without the token: a token added after presigning (IoT, and the signer's
 * sessionToken 'appended') is not in the canonical query, as an appended token header is not in
 * the signed headers. S3 signs every parameter but the signature: an appended token fails there
 * (estivensh/aws-kmp #63), as the signer refuses 'appended' for S3.
 */
function signatureFailure(p: Pending, secret: string, payloadLine: string): VerifyFailure | undefined {
  if (p.location === "header") {
    const signed = checkSignature(p, secret, payloadLine, []);
    return signed.matches ? undefined : outcome.signatureMismatch(p.style, p.credential.accessKeyId, p.signature, signed.computed);
  }
  const signed = checkSignature(p, secret, payloadLine, [SIGNATURE_PARAM]);
  const appendedToken = p.received.params.has(TOKEN_PARAM) && !isS3(p.credential.service);
  if (signed.matches || (appendedToken && checkSignature(p, secret, payloadLine, [SIGNATURE_PARAM, TOKEN_PARAM]).matches)) return undefined;
  return outcome.signatureMismatch(p.style, p.credential.accessKeyId, p.signature, signed.computed);
}

function finish(p: Pending, found: unknown): VerifyResult {
  const { credential, style } = p;
  const credentials = checkCredentials(found);
  if (credentials === undefined) return outcome.unknownAccessKey(style, credential.accessKeyId);
  const tokenFailure = tokenCheck(p, credentials);
  if (tokenFailure !== undefined) return tokenFailure;
  const payload: PayloadInput = { s3: isS3(credential.service), style, location: p.location, declared: p.declared, bodyHash: p.received.bodyHash };
  const planned = planPayload(payload);
  if (isFailure(planned)) return planned;
  const late = signatureFailure(p, credentials.secretAccessKey, planned.line) ?? (style === "s3" ? timeCheck(p) : undefined) ?? checkBody(payload, planned);
  if (late !== undefined) return late;
  const expiresAt = p.expires === undefined ? undefined : new Date(p.time.ms + Number(p.expires) * 1000);
  return {
    ok: true,
    accessKeyId: credential.accessKeyId,
    region: credential.region,
    service: credential.service,
    date: new Date(p.time.ms),
    signedHeaders: p.signedNames,
    payload: planned.kind,
    payloadHash: planned.line,
    location: p.location,
    ...(expiresAt === undefined ? {} : { expiresAt }),
  };
}

/**
 * Verifies a SigV4 request (Authorization header or presigned URL) with a synchronous credential
 * lookup. Returns the signer's identity and scope, or the error an AWS service would answer with;
 * never throws on what a client sent (only on arguments of the wrong type).
 */
export function verify(request: VerifyRequest, options: VerifyOptions<GetCredentials>): VerifyResult {
  const { settings, result } = begin(request, options);
  return isFailure(result) ? result : finish(result, settings.getCredentials(result.credential.accessKeyId));
}

/** verify() with a credential lookup that may return a promise (a database, a secrets store). */
export async function verifyAsync(request: VerifyRequest, options: VerifyOptions<GetCredentialsAsync>): Promise<VerifyResult> {
  const { settings, result } = begin(request, options);
  return isFailure(result) ? result : finish(result, await settings.getCredentials(result.credential.accessKeyId));
}
