// Round trips over every signing option: whatever combination the signer accepts, the request a
// client sends by following its output to the letter must pass the library's own verify(), which
// answers as an AWS service does. A combination the service would refuse is refused by the signer
// instead, with a SigningError naming the option (for S3: x-amz-content-sha256 off, an x-amz-*
// header or the session token left unsigned, a payload marker S3 does not list).
//
// How the client sends:
//   sign:    method + the URL's request target + result.headers + the body;
//   presign: method + the URL's request target + Host from the URL + result.headers (the headers
//            the client must still send) + the body.
// verify() gets the matching `now`, getCredentials returning the secret (and the session token),
// and the same explicit uriEncoding / normalizePath the signer was given.
import { createHash } from "node:crypto";
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { sign, presign, Signer, SigningError, type HttpRequest, type SignOptions, type PresignOptions } from "../bindings/index.js";
import { verify } from "../bindings/verify/verify.js";
import { S3_PAYLOAD_MARKERS } from "../bindings/constants.js";
import { SignatureV4SignWithCredentials } from "@aws-sdk/signature-v4-multi-region";
import { SignatureV4 } from "@smithy/signature-v4";
import { Sha256 } from "@aws-crypto/sha256-js";
import { HttpRequest as SmithyRequest } from "@smithy/protocol-http";
import { AwsV4Signer } from "aws4fetch";
import type { VerifyOptions, VerifyRequest, VerifyResult } from "../bindings/verify/types.js";

// AWS documentation example credentials.
const AKID = "AKIDEXAMPLE";
const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const STS_TOKEN = "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoI=";
const DATE = "20150830T123600Z";

const S3_FAMILY = ["s3", "s3express", "s3-outposts", "s3-object-lambda"];

const sha256 = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex");
const nodeHasher = (minBytes?: number) => ({ sha256Hex: (data: string | Uint8Array) => sha256(data), ...(minBytes === undefined ? {} : { minBytes }) });

/** The request target (path and query) of an absolute URL, exactly as written. */
function targetOf(url: string): string {
  return url.slice(url.indexOf("/", url.indexOf("//") + 2));
}

const lookup = (token?: string) => (id: string) => (id === AKID ? { secretAccessKey: SECRET, ...(token === undefined ? {} : { sessionToken: token }) } : undefined);

type Body = HttpRequest["body"];
type Outcome = { refused: SigningError } | { result: VerifyResult; sent: VerifyRequest };

/** Signs, sends as the client would, verifies; a SigningError is returned, anything else thrown. */
function roundTrip(kind: "sign" | "presign", request: HttpRequest, options: SignOptions & PresignOptions, extra: Partial<VerifyOptions> = {}, signer: (r: HttpRequest) => { url: string; method: string; headers: Record<string, string> } = kind === "sign" ? (r) => sign(r, options) : (r) => presign(r, options)): Outcome {
  let out: { url: string; method: string; headers: Record<string, string> };
  try {
    out = signer(request);
  } catch (e) {
    if (e instanceof SigningError) return { refused: e };
    throw e;
  }
  const headers = kind === "sign" ? out.headers : { host: new URL(out.url).host, ...out.headers };
  const sent: VerifyRequest = { method: out.method, url: targetOf(out.url), headers, body: request.body as VerifyRequest["body"] };
  const rules = { ...(options.uriEncoding === undefined ? {} : { uriEncoding: options.uriEncoding }), ...(options.normalizePath === undefined ? {} : { normalizePath: options.normalizePath }) };
  const result = verify(sent, { getCredentials: lookup(options.credentials.sessionToken), now: options.date as string, ...rules, ...extra });
  return { result, sent };
}

function answer(o: Outcome): string {
  if ("refused" in o) return `SigningError ${o.refused.code} (${o.refused.field})`;
  const r = o.result;
  return r.ok ? "ok" : `${r.status} ${r.code}: ${r.message.split("\n")[0]}${r.details === undefined ? "" : " " + JSON.stringify(r.details)}`;
}

const credentials = { accessKeyId: AKID, secretAccessKey: SECRET };
const temporary = { ...credentials, sessionToken: STS_TOKEN };
const s3 = { credentials, region: "us-east-1", service: "s3", date: DATE };
const sts = { credentials, region: "us-east-1", service: "sts", date: DATE };
const objectUrl = "https://examplebucket.s3.amazonaws.com/photos/photo 1.jpg";
const HI_SHA256 = sha256("hi");

// ---------------------------------------------------------------------------------------------
// The property.

const HEADER_NAMES = ["x-amz-acl", "x-amz-meta-a", "X-Amz-Meta-B", "x-amz-server-side-encryption", "content-type", "Content-Type", "x-custom", "range", "cache-control", "user-agent", "x-amz-content-sha256", "x-amz-date", "host"];
const HEADER_VALUES = ["v", " two  words ", "public-read", "text/plain; charset=utf-8", "bytes=0-1", "AES256", "UNSIGNED-PAYLOAD", "a,b", ""];
const SEGMENTS = ["a", "b c", "café", "中", ".", "..", "", "a+b", "a*b", "%7E", "~x", "%2F", "a%20b", "key=1"];
const QUERY_KEYS = ["a", "b", "A", "x y", "é", "X-Amz-Foo", "", "x-amz-date", "X-Amz-Expires", "X-Amz-Security-Token", "X-Amz-Content-Sha256"];
const QUERY_VALUES = ["", "1", "2", "a b", "+", "=", "é", "/", "UNSIGNED-PAYLOAD", sha256("")];
const TOKENS = [STS_TOKEN, "a+b/c==", "tok en  with  spaces", "IQoJb3JpZ2luX2VjEXAMPLE", "FwoGZXIvYXdzEXAMPLE", "FQoGZXIvYXdzEXAMPLE", " leading", "trailing "];
const PAYLOADS = [undefined, "sign", "unsigned", "hash", "UNSIGNED-PAYLOAD", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD", "STREAMING-UNSIGNED-PAYLOAD-TRAILER", "STREAMING-AWS4-HMAC-SHA256-EVENTS"] as const;
const LISTED = ["x-amz-acl", "x-amz-meta-a", "x-amz-meta-b", "content-type", "x-custom", "range", "x-amz-security-token", "host"];

const caseArb = fc.record({
  service: fc.constantFrom("s3", "s3express", "s3-outposts", "s3-object-lambda", "execute-api", "sts", "iam", "custom-svc"),
  mode: fc.constantFrom("sign" as const, "presign" as const),
  via: fc.constantFrom("function", "signer", "signer-override"),
  method: fc.constantFrom("GET", "PUT", "POST", "DELETE", "HEAD", "get"),
  origin: fc.constantFrom("https://HOST", "http://HOST:8080", "https://HOST:443"),
  urlForm: fc.constantFrom("string", "URL", "raw-path"),
  segments: fc.array(fc.constantFrom(...SEGMENTS), { maxLength: 4 }),
  trailingSlash: fc.boolean(),
  query: fc.array(fc.tuple(fc.constantFrom(...QUERY_KEYS), fc.option(fc.constantFrom(...QUERY_VALUES), { nil: undefined })), { maxLength: 4 }),
  headers: fc.array(fc.tuple(fc.constantFrom(...HEADER_NAMES), fc.constantFrom(...HEADER_VALUES)), { maxLength: 4 }),
  headerForm: fc.constantFrom("pairs", "record", "Headers", "Map"),
  body: fc.oneof(fc.constant(undefined), fc.constant(""), fc.constant(new Uint8Array(0)), fc.string({ maxLength: 20 }), fc.uint8Array({ maxLength: 20 }), fc.constant("x".repeat(600))),
  bodyForm: fc.constantFrom("as-is", "ArrayBuffer", "DataView"),
  payload: fc.constantFrom(...PAYLOADS),
  uriEncoding: fc.constantFrom(undefined, "single" as const, "double" as const),
  normalizePath: fc.constantFrom(undefined, true, false),
  contentSha256Header: fc.constantFrom(undefined, true, false),
  token: fc.option(fc.constantFrom(...TOKENS), { nil: undefined }),
  sessionToken: fc.constantFrom(undefined, "signed" as const, "appended" as const, "s3session" as const),
  unsignedHeaders: fc.option(fc.subarray(LISTED), { nil: undefined }),
  signedHeaders: fc.option(fc.subarray(LISTED), { nil: undefined }),
  expiresIn: fc.option(fc.oneof(fc.integer({ min: 1, max: 604800 }), fc.constantFrom(1, 900, 604800)), { nil: undefined }),
  hoist: fc.constantFrom(undefined, "none" as const, "x-amz" as const),
  hasherMinBytes: fc.constantFrom(undefined, 0, 8, 512),
  useHasher: fc.boolean(),
  epochSeconds: fc.integer({ min: 1_300_000_000, max: 1_900_000_000 }),
  elapsed: fc.double({ min: 0, max: 1, noNaN: true }),
});
type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function bodyOf(r: Case): Body {
  const body = r.body;
  if (!(body instanceof Uint8Array) || r.bodyForm === "as-is") return body;
  if (r.bodyForm === "ArrayBuffer") return body.slice().buffer;
  const padded = new Uint8Array(body.length + 4);
  padded.set(body, 2);
  return new DataView(padded.buffer, 2, body.length);
}

function headersOf(r: Case): HttpRequest["headers"] {
  if (r.headerForm === "pairs") return r.headers;
  if (r.headerForm === "Headers") {
    const h = new Headers();
    for (const [n, v] of r.headers) h.append(n, v);
    return h;
  }
  if (r.headerForm === "Map") return new Map(r.headers);
  const record: Record<string, string[]> = {};
  for (const [n, v] of r.headers) (record[n.toLowerCase()] ??= []).push(v);
  return record;
}

function requestOf(r: Case): HttpRequest {
  const host = S3_FAMILY.includes(r.service) ? "Bucket.s3.us-east-1.amazonaws.com" : "svc.us-east-1.amazonaws.com";
  const origin = r.origin.replace("HOST", host);
  const path = "/" + r.segments.join("/") + (r.trailingSlash && r.segments.length > 0 ? "/" : "");
  const query = r.query.map(([k, v]) => (v === undefined ? k : `${k}=${v}`)).join("&");
  const target = path + (query === "" ? "" : "?" + query);
  const base = { method: r.method, headers: headersOf(r), body: bodyOf(r) };
  if (r.urlForm === "raw-path") return { ...base, url: origin, path: target };
  return { ...base, url: r.urlForm === "URL" ? new URL(origin + target) : origin + target };
}

function optionsOf(r: Case): SignOptions & PresignOptions {
  const bytes = r.body ?? "";
  const payload = r.payload === "hash" ? { sha256: sha256(bytes) } : r.payload === undefined || r.payload === "sign" || r.payload === "unsigned" ? r.payload : { sha256: r.payload };
  const o: Record<string, unknown> = {
    credentials: { ...credentials, ...(r.token === undefined ? {} : { sessionToken: r.token }) },
    region: "us-east-1",
    service: r.service,
    date: r.epochSeconds * 1000,
  };
  const set = (key: string, value: unknown): void => {
    if (value !== undefined) o[key] = value;
  };
  set("payload", payload);
  set("uriEncoding", r.uriEncoding);
  set("normalizePath", r.normalizePath);
  if (r.mode === "sign") set("contentSha256Header", r.contentSha256Header);
  set("sessionToken", r.sessionToken);
  set("unsignedHeaders", r.unsignedHeaders);
  set("signedHeaders", r.signedHeaders);
  if (r.mode === "presign") set("expiresIn", r.expiresIn);
  if (r.mode === "presign") set("hoist", r.hoist);
  if (r.useHasher) o.payloadHasher = nodeHasher(r.hasherMinBytes);
  return o as unknown as SignOptions & PresignOptions;
}

/** sign()/presign(), a Signer holding every option, or a Signer holding only the scope and credentials with the rest per call. */
function signerOf(r: Case, options: SignOptions & PresignOptions) {
  const { date, ...rest } = options;
  if (r.via === "function") return r.mode === "sign" ? (q: HttpRequest) => sign(q, options) : (q: HttpRequest) => presign(q, options);
  if (r.via === "signer") {
    return (q: HttpRequest) => {
      const s = new Signer(rest);
      return r.mode === "sign" ? s.sign(q, { date }) : s.presign(q, { date });
    };
  }
  const { credentials: c, region, service, ...perCall } = rest;
  return (q: HttpRequest) => {
    const s = new Signer({ credentials: c, region, service });
    return r.mode === "sign" ? s.sign(q, { date, ...perCall }) : s.presign(q, { date, ...perCall });
  };
}

/**
 * The fields the signer must refuse a case for (each rule is what S3, or HTTP, would refuse), and
 * those it may refuse it for (a caller's x-amz-content-sha256 header, read when no payload option
 * is given, may be malformed, not the body's hash, or a marker S3 does not list).
 */
function refusalsOf(r: Case): { required: string[]; possible: string[] } {
  const s3 = S3_FAMILY.includes(r.service);
  const marker = r.payload === "unsigned" || (r.payload !== undefined && r.payload.startsWith("STREAMING-")) || r.payload === "UNSIGNED-PAYLOAD";
  const rules: [boolean, string][] = [
    [r.token !== undefined && r.token !== r.token.trim(), "options.credentials.sessionToken"],
    [r.mode === "sign" && r.contentSha256Header === false && (s3 || marker), "options.contentSha256Header"],
    [(s3 && r.sessionToken === "appended") || (r.sessionToken === "s3session" && r.service !== "s3express"), "options.sessionToken"],
    [s3 && (r.unsignedHeaders ?? []).some((name) => name.startsWith("x-amz-")), "options.unsignedHeaders"],
    [s3 && marker && r.payload !== "unsigned" && !S3_PAYLOAD_MARKERS.includes(r.payload as string), "options.payload.sha256"],
  ];
  const declared = r.payload === undefined && r.headers.some(([name]) => name.toLowerCase() === "x-amz-content-sha256");
  return { required: rules.filter(([applies]) => applies).map(([, field]) => field), possible: declared ? ["headers.x-amz-content-sha256"] : [] };
}

const NUM_RUNS = 10_000;

describe("every signing option combination round-trips through verify() (fast-check)", () => {
  it(`${NUM_RUNS} generated requests: the signer refuses with a SigningError, or verify() accepts what the client sends`, () => {
    const seen = new Map<string, number>();
    const count = (key: string): void => void seen.set(key, (seen.get(key) ?? 0) + 1);
    fc.assert(
      fc.property(caseArb, (r) => {
        const options = optionsOf(r);
        const window = r.mode === "presign" ? (r.expiresIn ?? 900) : 900;
        const now = r.epochSeconds * 1000 + Math.floor(r.elapsed * window) * 1000;
        const o = roundTrip(r.mode, requestOf(r), { ...options }, { now }, signerOf(r, options));
        const { required, possible } = refusalsOf(r);
        if ("refused" in o) {
          expect([...required, ...possible], `refused for ${o.refused.field}: ${o.refused.message}`).toContain(o.refused.field);
          return void count(`refused: ${o.refused.field}`);
        }
        expect(required, "signed what must be refused").toEqual([]);
        expect(answer(o), `sent: ${JSON.stringify(o.sent)}`).toBe("ok");
        if (o.result.ok) expect([o.result.location, o.result.service]).toEqual([r.mode === "sign" ? "header" : "query", r.service]);
        count("verified");
      }),
      { seed: 20150830, numRuns: NUM_RUNS },
    );
    // Thousands of combinations reach verify() (a third: S3 is half the services and refuses
    // many combinations, 's3session' is for one service), and each kind of refusal is met.
    expect(seen.get("verified") ?? 0).toBeGreaterThan(NUM_RUNS * 0.25);
    for (const field of ["options.contentSha256Header", "options.sessionToken", "options.unsignedHeaders", "options.payload.sha256", "headers.x-amz-content-sha256", "options.credentials.sessionToken"]) {
      expect(seen.get(`refused: ${field}`) ?? 0, field).toBeGreaterThan(0);
    }
  });
});

/** The SigningError a signing call throws, or a failure when it signs. */
function refusal(o: Outcome): string {
  if ("refused" in o) return `${o.refused.code} ${o.refused.field}`;
  return `signed: ${answer(o)}`;
}

// ---------------------------------------------------------------------------------------------
// What S3 refuses, the signer refuses first.

describe("S3: every x-amz-* header is signed (S3: 403 AccessDenied, headers present which were not signed)", () => {
  it("a signedHeaders allowlist signs the request's x-amz-* headers too, and the request verifies (header and URL)", () => {
    const request = { method: "PUT", url: objectUrl, headers: { "x-amz-meta-a": "1", "x-amz-acl": "public-read", "content-type": "text/plain" }, body: "hi" };
    const signed = sign(request, { ...s3, signedHeaders: ["content-type"] });
    expect(signed.signedHeaders).toBe("content-type;host;x-amz-acl;x-amz-content-sha256;x-amz-date;x-amz-meta-a");
    expect(answer(roundTrip("sign", request, { ...s3, signedHeaders: ["content-type"] }))).toBe("ok");
    const presigned = presign(request, { ...s3, signedHeaders: ["content-type"] });
    expect(presigned.headers).toEqual({ "x-amz-meta-a": "1", "x-amz-acl": "public-read", "content-type": "text/plain" });
    expect(answer(roundTrip("presign", request, { ...s3, signedHeaders: ["content-type"] }))).toBe("ok");
  });

  it("unsignedHeaders naming an x-amz-* header is refused for S3, kept for other services", () => {
    const request = { method: "PUT", url: objectUrl, headers: { "x-amz-acl": "public-read" }, body: "hi" };
    for (const service of S3_FAMILY) {
      for (const kind of ["sign", "presign"] as const) {
        expect(refusal(roundTrip(kind, request, { ...s3, service, unsignedHeaders: ["X-Amz-Acl"] }))).toBe("InvalidOption options.unsignedHeaders");
      }
    }
    const other = roundTrip("sign", { method: "POST", url: "https://sts.amazonaws.com/", headers: { "x-amz-meta-a": "1" }, body: "Action=GetCallerIdentity" }, { ...sts, unsignedHeaders: ["x-amz-meta-a"] });
    expect(answer(other)).toBe("ok");
    expect("result" in other && other.sent.headers).toMatchObject({ "x-amz-meta-a": "1" });
  });
});

describe("S3: the session token is signed (S3: an unsigned one is 403 AccessDenied; appended to a URL, the signature is wrong)", () => {
  it("sessionToken 'appended' is refused for S3, header and URL; another service keeps it", () => {
    for (const service of S3_FAMILY) {
      for (const kind of ["sign", "presign"] as const) {
        expect(refusal(roundTrip(kind, { url: objectUrl }, { ...s3, service, credentials: temporary, sessionToken: "appended" }))).toBe("InvalidOption options.sessionToken");
      }
    }
    for (const kind of ["sign", "presign"] as const) expect(answer(roundTrip(kind, { url: "https://sts.amazonaws.com/" }, { ...sts, credentials: temporary, sessionToken: "appended" }))).toBe("ok");
  });

  it("verify() refuses a presigned S3 URL whose token was appended after signing", () => {
    const presigned = presign({ url: objectUrl }, { ...s3, credentials: temporary });
    const url = new URL(presigned.url);
    const token = url.searchParams.get("X-Amz-Security-Token") as string;
    // The same URL signed without the token, the token appended after the signature.
    const bare = presign({ url: objectUrl }, s3);
    const appended = `${targetOf(bare.url)}&X-Amz-Security-Token=${encodeURIComponent(token)}`;
    const result = verify({ method: "GET", url: appended, headers: { host: url.host } }, { getCredentials: lookup(STS_TOKEN), now: DATE });
    expect(result).toMatchObject({ ok: false, code: "SignatureDoesNotMatch" });
  });
});

describe("S3: x-amz-content-sha256 is sent (S3: 400 InvalidRequest, missing required header)", () => {
  it("contentSha256Header: false is refused for S3 whatever the payload", () => {
    for (const service of S3_FAMILY) {
      for (const payload of [undefined, "sign" as const, { sha256: HI_SHA256 }]) {
        expect(refusal(roundTrip("sign", { method: "PUT", url: objectUrl, body: "hi" }, { ...s3, service, contentSha256Header: false, payload }))).toBe("InvalidOption options.contentSha256Header");
      }
    }
  });
});

describe("S3: only the payload markers S3 lists (S3: 400 InvalidArgument)", () => {
  it("another STREAMING marker is refused for S3 (option or header), and kept for an event-stream service", () => {
    for (const kind of ["sign", "presign"] as const) {
      for (const sha of ["STREAMING-AWS4-HMAC-SHA256-EVENTS", "STREAMING-FOO"]) {
        expect(refusal(roundTrip(kind, { method: "PUT", url: objectUrl }, { ...s3, payload: { sha256: sha } }))).toBe("InvalidOption options.payload.sha256");
        expect(refusal(roundTrip(kind, { method: "PUT", url: objectUrl, headers: { "x-amz-content-sha256": sha } }, s3))).toBe("InvalidOption headers.x-amz-content-sha256");
      }
      for (const sha of S3_PAYLOAD_MARKERS) expect(answer(roundTrip(kind, { method: "PUT", url: objectUrl }, { ...s3, payload: { sha256: sha } })), sha).toBe("ok");
    }
    const transcribe = { ...s3, service: "transcribe", payload: { sha256: "STREAMING-AWS4-HMAC-SHA256-EVENTS" } };
    expect(answer(roundTrip("sign", { method: "POST", url: "https://transcribestreaming.us-east-1.amazonaws.com/stream-transcription" }, transcribe))).toBe("ok");
  });
});

describe("a session token cannot start or end with a space (HTTP strips a field value's ends, RFC 9110 §5.5)", () => {
  it("is refused; spaces inside are kept and verify", () => {
    for (const sessionToken of [" FQoGZXIvYXdzEXAMPLE", "FQoGZXIvYXdzEXAMPLE "]) {
      for (const [kind, base, url] of [["sign", sts, "https://sts.amazonaws.com/"], ["presign", s3, objectUrl]] as const) {
        expect(refusal(roundTrip(kind, { url }, { ...base, credentials: { ...credentials, sessionToken } }))).toBe("InvalidCredentials options.credentials.sessionToken");
      }
    }
    expect(answer(roundTrip("sign", { url: "https://sts.amazonaws.com/" }, { ...sts, credentials: { ...credentials, sessionToken: "FQoG  ZXIv" } }))).toBe("ok");
  });
});

// ---------------------------------------------------------------------------------------------
// A caller's X-Amz-Content-Sha256 query parameter is an ordinary parameter: verify() takes the
// payload from the header only, as S3 does (aws-sdk-go #1974: "S3 requires the
// X-Amz-Content-Sha256 value to be a header if its value is not UNSIGNED-PAYLOAD"; #1976: a hash
// hoisted into the query always failed).

describe("X-Amz-Content-Sha256 in the query of a URL being presigned is an ordinary parameter", () => {
  it("S3: UNSIGNED-PAYLOAD (the JS v3 presigner's form), a hash, another value or the parameter twice: the URL verifies", () => {
    for (const query of ["X-Amz-Content-Sha256=UNSIGNED-PAYLOAD", `X-Amz-Content-Sha256=${HI_SHA256}`, "X-Amz-Content-Sha256=abc", "X-Amz-Content-Sha256=UNSIGNED-PAYLOAD&x-amz-content-sha256=UNSIGNED-PAYLOAD"]) {
      expect(answer(roundTrip("presign", { method: "PUT", url: `${objectUrl}?${query}`, body: "hi" }, s3)), query).toBe("ok");
    }
  });

  it("S3: the header's hash wins over UNSIGNED-PAYLOAD in the query, and binds the body", () => {
    const o = roundTrip("presign", { method: "PUT", url: objectUrl + "?X-Amz-Content-Sha256=UNSIGNED-PAYLOAD", body: "hi" }, { ...s3, payload: "sign" });
    expect(o).toMatchObject({ result: { ok: true, payloadHash: HI_SHA256 } });
    const sent = (o as { sent: VerifyRequest }).sent;
    expect(verify({ ...sent, body: "other" }, { getCredentials: lookup(), now: DATE })).toMatchObject({ ok: false, code: "XAmzContentSHA256Mismatch" });
  });

  it("another service: the query parameter replaces neither the body's hash nor the header's marker", () => {
    expect(answer(roundTrip("presign", { method: "POST", url: "https://sts.amazonaws.com/?X-Amz-Content-Sha256=UNSIGNED-PAYLOAD", body: "Action=GetCallerIdentity" }, sts))).toBe("ok");
    expect(answer(roundTrip("presign", { method: "PUT", url: "https://abc.execute-api.us-east-1.amazonaws.com/x?X-Amz-Content-Sha256=abc", body: "data" }, { ...sts, service: "execute-api", payload: "unsigned" }))).toBe("ok");
  });
});

describe("presign with hoist 'x-amz': the x-amz-* headers go into the signed query, so the URL works alone", () => {
  const sseKey = "x-amz-server-side-encryption-customer-key";
  const request = {
    method: "PUT",
    url: objectUrl,
    body: "hi",
    headers: [["x-amz-acl", "public-read"], ["x-amz-meta-a", " one "], ["x-amz-meta-a", "two"], ["content-type", "text/plain"], [sseKey, "c2VjcmV0LWtleQ=="], ["x-amz-server-side-encryption-customer-algorithm", "AES256"]] as [string, string][],
  };

  it("S3: the URL carries them, the client sends only the rest (no key in the URL), and it verifies; the payload hash stays a header", () => {
    const presigned = presign(request, { ...s3, hoist: "x-amz", payload: "sign" });
    const query = new URL(presigned.url).searchParams;
    expect([query.get("x-amz-acl"), query.get("x-amz-meta-a"), query.get("x-amz-server-side-encryption-customer-algorithm")]).toEqual(["public-read", "one,two", "AES256"]);
    expect([...query.keys()].some((k) => k.includes("customer-key") || k === "x-amz-content-sha256")).toBe(false);
    expect(presigned.headers).toEqual({ "content-type": "text/plain", [sseKey]: "c2VjcmV0LWtleQ==", "x-amz-content-sha256": HI_SHA256 });
    expect(query.get("X-Amz-SignedHeaders")).toBe(`content-type;host;x-amz-content-sha256;${sseKey}`);
    const sent = { method: "PUT", url: targetOf(presigned.url), headers: { host: new URL(presigned.url).host, ...presigned.headers }, body: "hi" };
    expect(verify(sent, { getCredentials: lookup(), now: DATE })).toMatchObject({ ok: true, payloadHash: HI_SHA256 });
    expect(verify({ ...sent, url: sent.url.replace("public-read", "private") }, { getCredentials: lookup(), now: DATE })).toMatchObject({ ok: false, code: "SignatureDoesNotMatch" });
  });

  it("the same signature as @smithy/signature-v4's presign, which hoists x-amz-* headers by default", async () => {
    const clean = [["x-amz-acl", "public-read"], ["x-amz-meta-a", "one"], ["content-type", "text/plain"]] as [string, string][];
    const ours = presign({ method: "PUT", url: objectUrl, headers: clean }, { ...s3, hoist: "x-amz" });
    const url = new URL(objectUrl);
    const smithy = new SignatureV4({ credentials, region: "us-east-1", service: "s3", sha256: Sha256, uriEscapePath: false });
    const theirs = await smithy.presign(
      new SmithyRequest({ method: "PUT", protocol: "https:", hostname: url.hostname, path: url.pathname, headers: { host: url.hostname, ...Object.fromEntries(clean) }, body: { stream: true } }),
      { signingDate: new Date("2015-08-30T12:36:00Z"), expiresIn: 900 },
    );
    expect(theirs.query?.["x-amz-acl"]).toBe("public-read");
    expect(ours.signature).toBe(theirs.query?.["X-Amz-Signature"]);
  });

  it("a header name a query must escape is percent-encoded in the URL and in what is signed, as smithy's presign does", async () => {
    for (const name of ["x-amz-meta-a*b", "x-amz-meta-a&b", "x-amz-meta-a#b", "x-amz-meta-a%41", "x-amz-meta-a+b", "x-amz-meta-a'b"]) {
      const o = roundTrip("presign", { url: objectUrl, headers: { [name]: "v" } }, { ...s3, hoist: "x-amz" });
      expect(answer(o), name).toBe("ok");
      const url = new URL((o as { sent: VerifyRequest }).sent.url as string, "https://examplebucket.s3.amazonaws.com");
      expect(url.searchParams.get(name), name).toBe("v");
      const smithy = new SignatureV4({ credentials, region: "us-east-1", service: "s3", sha256: Sha256, uriEscapePath: false });
      const theirs = await smithy.presign(
        new SmithyRequest({ method: "GET", protocol: "https:", hostname: url.hostname, path: "/photos/photo%201.jpg", headers: { host: url.hostname, [name]: "v" }, body: { stream: true } }),
        { signingDate: new Date("2015-08-30T12:36:00Z"), expiresIn: 900 },
      );
      expect(presign({ url: objectUrl, headers: { [name]: "v" } }, { ...s3, hoist: "x-amz" }).signature, name).toBe(theirs.query?.["X-Amz-Signature"]);
    }
  });

  it("a header named as a presigning parameter the signer sets stays a header: the URL carries one X-Amz-Expires", () => {
    const o = roundTrip("presign", { url: objectUrl, headers: { "x-amz-expires": "604800", "x-amz-credential": "other", "x-amz-meta-a": "1" } }, { ...s3, hoist: "x-amz" });
    expect(answer(o)).toBe("ok");
    const sent = (o as { sent: VerifyRequest }).sent;
    const names = [...new URL(sent.url as string, "https://examplebucket.s3.amazonaws.com").searchParams.keys()].map((n) => n.toLowerCase());
    expect(names.filter((n) => n === "x-amz-expires" || n === "x-amz-credential")).toEqual(["x-amz-credential", "x-amz-expires"]);
    expect(names).toContain("x-amz-meta-a");
    expect(sent.headers).toMatchObject({ "x-amz-expires": "604800", "x-amz-credential": "other" });
  });

  it("another service too; 'none' (the default) keeps them headers; another value is refused", () => {
    const sqs = { ...sts, service: "sqs" };
    const o = roundTrip("presign", { url: "https://sqs.us-east-1.amazonaws.com/1/q?Action=SendMessage", headers: { "x-amz-meta-a": "1", "x-custom": "2" } }, { ...sqs, hoist: "x-amz" });
    expect(answer(o)).toBe("ok");
    expect("sent" in o && o.sent.headers).toEqual({ host: "sqs.us-east-1.amazonaws.com", "x-custom": "2" });
    expect(presign(request, s3).headers).toMatchObject({ "x-amz-acl": "public-read", "x-amz-meta-a": "one,two" });
    expect(refusal(roundTrip("presign", request, { ...s3, hoist: "all" as "x-amz" }))).toBe("InvalidOption options.hoist");
  });
});

describe("a raw '+' is a space, as AWS reads it: in a query (every service) and in an S3 path", () => {
  it("a query written by URLSearchParams (a space as '+') is signed as aws4fetch signs it, and the URL verifies as written", async () => {
    const url = new URL("https://examplebucket.s3.amazonaws.com/k");
    url.searchParams.set("response-content-disposition", 'attachment; filename="hello world.txt"');
    expect(url.search).toContain("+filename");
    const options = { ...s3, expiresIn: 86400 };
    const theirs = await new AwsV4Signer({ url: url.href, accessKeyId: AKID, secretAccessKey: SECRET, service: "s3", region: "us-east-1", signQuery: true, datetime: DATE }).sign();
    expect(presign({ url: url.href }, options).signature).toBe(new URL(theirs.url).searchParams.get("X-Amz-Signature"));
    expect(answer(roundTrip("presign", { url: url.href }, options))).toBe("ok");
    // aws4fetch's own URL (its '+' as sent, the %20 it signed) verifies.
    expect(verify({ method: "GET", url: targetOf(theirs.url.toString()), headers: { host: url.host } }, { getCredentials: lookup(), now: DATE }).ok).toBe(true);
    expect(answer(roundTrip("sign", { url: "https://sts.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15&x=a+b" }, sts))).toBe("ok");
  });

  it("a URL signed for an object whose key holds a plus (%2B) is refused when sent with a raw '+', which S3 reads as a space", () => {
    const o = roundTrip("presign", { url: "https://examplebucket.s3.amazonaws.com/a%2Bb?v=c%2Bd" }, s3);
    expect(answer(o)).toBe("ok");
    const sent = (o as { sent: VerifyRequest }).sent;
    for (const tampered of [(sent.url as string).replace("/a%2Bb", "/a+b"), (sent.url as string).replace("v=c%2Bd", "v=c+d")]) {
      expect(tampered).not.toBe(sent.url);
      expect(verify({ ...sent, url: tampered }, { getCredentials: lookup(), now: DATE })).toMatchObject({ ok: false, code: "SignatureDoesNotMatch" });
    }
  });
});

describe("S3 Express One Zone: service 's3express' follows the S3 rules; its session credentials' token goes in x-amz-s3session-token", () => {
  const url = "https://bucket--usw2-az1--x-s3.s3express-usw2-az1.us-west-2.amazonaws.com/a+b/%7E";
  const host = new URL(url).hostname;
  const session = { accessKeyId: "ASIASESSIONEXAMPLE", secretAccessKey: SECRET, sessionToken: "IQoJb3JpZ2luX2VjEXAMPLEs3session" };
  const express = { credentials: session, region: "us-west-2", service: "s3express", date: DATE, sessionToken: "s3session" as const };
  const signingDate = new Date("2015-08-30T12:36:00Z");
  // The AWS SDK for JavaScript's own S3 Express signer (a dependency of @aws-sdk/client-s3).
  const sdkSigner = () => new SignatureV4SignWithCredentials({ credentials: session, region: "us-west-2", service: "s3express", sha256: Sha256, uriEscapePath: false, applyChecksum: true });
  // A path every signer writes alike (S3 paths with reserved characters: see the canonicalisation table).
  const key = `https://${host}/photos/key.txt`;
  const sdkRequest = (body: unknown) => new SmithyRequest({ method: "PUT", protocol: "https:", hostname: host, path: "/photos/key.txt", headers: { host }, body });

  it("x-amz-content-sha256 sent and signed, the path encoded once, and the request verifies", () => {
    const options = { ...s3, region: "us-west-2", service: "s3express" };
    const signed = sign({ method: "PUT", url, body: "hi" }, options);
    expect(signed.headers["x-amz-content-sha256"]).toBe(HI_SHA256);
    // S3's rules: '+' read as a space, %7E decoded to '~' (unreserved).
    expect(signed.canonicalRequest.split("\n")[1]).toBe("/a%20b/~");
    expect(answer(roundTrip("sign", { method: "PUT", url, body: "hi" }, options))).toBe("ok");
  });

  it("header signing with sessionToken 's3session': the SDK's Authorization header, the token signed in x-amz-s3session-token, and the request verifies", async () => {
    const signed = sign({ method: "PUT", url: key, body: "hi" }, express);
    expect(signed.headers["x-amz-s3session-token"]).toBe(session.sessionToken);
    expect(signed.headers["x-amz-security-token"]).toBeUndefined();
    expect(signed.signedHeaders).toBe("host;x-amz-content-sha256;x-amz-date;x-amz-s3session-token");
    const theirs = await sdkSigner().signWithCredentials(sdkRequest("hi"), session, { signingDate });
    expect(signed.authorization).toBe(theirs.headers.authorization);
    const getCredentials = (id: string) => (id === session.accessKeyId ? { secretAccessKey: SECRET, sessionToken: session.sessionToken } : undefined);
    expect(verify({ method: "PUT", url: targetOf(signed.url), headers: signed.headers, body: "hi" }, { getCredentials, now: DATE })).toMatchObject({ ok: true, service: "s3express" });
    const wrong = { ...signed.headers, "x-amz-s3session-token": "another" };
    expect(verify({ method: "PUT", url: targetOf(signed.url), headers: wrong, body: "hi" }, { getCredentials, now: DATE }).ok).toBe(false);
  });

  it("presigning with sessionToken 's3session': the SDK's signature, the token in X-Amz-S3session-Token, and the URL verifies", async () => {
    const presigned = presign({ method: "PUT", url: key }, express);
    const query = new URL(presigned.url).searchParams;
    expect(query.get("X-Amz-S3session-Token")).toBe(session.sessionToken);
    expect(query.has("X-Amz-Security-Token")).toBe(false);
    // A body smithy cannot hash (a stream) gives UNSIGNED-PAYLOAD, the S3 presigners' payload.
    const theirs = await sdkSigner().presignWithCredentials(sdkRequest({ stream: true }), session, { signingDate, expiresIn: 900 });
    expect(presigned.signature).toBe(theirs.query?.["X-Amz-Signature"]);
    const getCredentials = (id: string) => (id === session.accessKeyId ? { secretAccessKey: SECRET, sessionToken: session.sessionToken } : undefined);
    expect(verify({ method: "PUT", url: targetOf(presigned.url), headers: { host } }, { getCredentials, now: DATE })).toMatchObject({ ok: true, location: "query" });
  });

  it("the credentials' token replaces a caller's token headers under either name (the AWS SDK refuses x-amz-security-token beside a session's)", () => {
    const getCredentials = (id: string) => (id === session.accessKeyId ? { secretAccessKey: SECRET, sessionToken: session.sessionToken } : undefined);
    for (const [mode, name] of [["s3session", "x-amz-s3session-token"], ["signed", "x-amz-security-token"]] as const) {
      const signed = sign({ url: key, headers: { "x-amz-security-token": "STALE", "x-amz-s3session-token": "STALE" } }, { ...express, sessionToken: mode });
      expect(Object.keys(signed.headers).filter((n) => n.endsWith("-token")), mode).toEqual([name]);
      expect(signed.headers[name]).toBe(session.sessionToken);
      expect(verify({ method: "GET", url: targetOf(signed.url), headers: signed.headers }, { getCredentials, now: DATE }).ok, mode).toBe(true);
    }
  });

  it("verify() requires every token an s3express request carries to be the key's", () => {
    const getCredentials = (id: string) => (id === session.accessKeyId ? { secretAccessKey: SECRET, sessionToken: session.sessionToken } : undefined);
    // Both headers signed as ordinary x-amz-* headers (no token in the credentials).
    const both = (security: string) =>
      sign({ url: key, headers: { "x-amz-security-token": security, "x-amz-s3session-token": session.sessionToken } }, { ...express, credentials: { accessKeyId: session.accessKeyId, secretAccessKey: SECRET }, sessionToken: "signed" });
    const received = (signed: ReturnType<typeof both>) => ({ method: "GET", url: targetOf(signed.url), headers: signed.headers });
    expect(verify(received(both(session.sessionToken)), { getCredentials, now: DATE }).ok).toBe(true);
    expect(verify(received(both("ANOTHER")), { getCredentials, now: DATE })).toMatchObject({ ok: false, code: "InvalidAccessKeyId" });
  });

  it("'s3session' is refused for any other service; 'signed' keeps x-amz-security-token (CreateSession with temporary credentials)", () => {
    for (const service of ["s3", "sts"]) expect(refusal(roundTrip("sign", { url: objectUrl }, { ...express, service, region: "us-east-1" }))).toBe("InvalidOption options.sessionToken");
    const createSession = sign({ url: `https://${host}/?session` }, { ...express, sessionToken: "signed" });
    expect(createSession.headers["x-amz-security-token"]).toBe(session.sessionToken);
    expect(createSession.headers["x-amz-s3session-token"]).toBeUndefined();
  });
});
