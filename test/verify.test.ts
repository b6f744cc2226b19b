// verify(): everything the signer produces verifies (the AWS suite, generated requests, presigned
// URLs); every single-byte change to what was signed is refused with the right code; and each
// error outcome is answered with the status, code and message the AWS service sends.
import { readdirSync } from "node:fs";
import { createHash } from "node:crypto";
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { sign, presign, type PresignOptions, type HttpRequest, type SignedRequest, type PresignedRequest } from "../bindings/index.js";
import { verify, verifyAsync } from "../bindings/verify/verify.js";
import { constantTimeEqual } from "../bindings/verify/compare.js";
import { parseHttpRequest, toVerifyRequest } from "../bindings/verify/raw-request.js";
import type { VerifyFailure, VerifyOptions, VerifyRequest, VerifyResult } from "../bindings/verify/types.js";
import { SHARED, describeShared } from "./shared.js";
import { parseRawRequest, read, type Context } from "./suite-files.js";
import { nodeSignature } from "./oracle.js";
import { canonicalQueryOf } from "../bindings/canonical/query.js";

// AWS documentation example credentials (IAM suite / S3 API Reference).
const AKID = "AKIDEXAMPLE";
const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const TOKEN = "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==";
const NOT_SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYOTHERKEY00";

const credentials = { accessKeyId: AKID, secretAccessKey: SECRET };
const known = (id: string) => (id === AKID ? { secretAccessKey: SECRET } : undefined);
const options = (extra: Partial<VerifyOptions> = {}): VerifyOptions => ({ getCredentials: known, ...extra });

/** The request target (path and query) of a URL, exactly as written. */
function targetOf(url: string): string {
  return url.slice(url.indexOf("/", url.indexOf("//") + 2));
}

/** A header-signed request as a server receives it. */
function received(signed: SignedRequest, body?: HttpRequest["body"]): VerifyRequest {
  return { method: signed.method, url: targetOf(signed.url), headers: signed.headers, body: body as VerifyRequest["body"] };
}

/** A presigned URL as a server receives it (Host from the URL, plus the headers the client must send). */
function receivedUrl(p: PresignedRequest, method = p.method): VerifyRequest {
  return { method, url: targetOf(p.url), headers: { host: new URL(p.url).host, ...p.headers } };
}

function failure(result: VerifyResult): VerifyFailure {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result)}`);
  return result;
}

const b64sha256 = (text: string): string => createHash("sha256").update(text).digest("base64");

// ---------------------------------------------------------------------------------------------
// Round trips.


const SUITE = "sigv4-test-suite/v4";

describeShared(SUITE, "the AWS SigV4 suite: every case signed and presigned verifies", () => {
  const cases = readdirSync(SHARED + SUITE).sort();

  describe.each(cases)("%s", (name) => {
    const dir = `${SHARED}${SUITE}/${name}/`;
    const ctx = JSON.parse(read(dir + "context.json")) as Context;
    const raw = parseRawRequest(read(dir + "request.txt"));
    const host = raw.headers.find(([n]) => n.toLowerCase() === "host")?.[1] ?? "example.amazonaws.com";
    const request: HttpRequest = { method: raw.method, url: `https://${host}`, path: raw.target, headers: raw.headers, body: raw.body };
    const token = ctx.credentials.token;
    const signing: PresignOptions = {
      credentials: { accessKeyId: ctx.credentials.access_key_id, secretAccessKey: ctx.credentials.secret_access_key, sessionToken: token },
      region: ctx.region,
      service: ctx.service,
      date: ctx.timestamp,
      normalizePath: ctx.normalize,
      sessionToken: ctx.omit_session_token ? "appended" : "signed",
      expiresIn: ctx.expiration_in_seconds,
    };
    const verifying = options({
      getCredentials: (id) => (id === ctx.credentials.access_key_id ? { secretAccessKey: ctx.credentials.secret_access_key, sessionToken: token } : undefined),
      now: ctx.timestamp,
      regions: [ctx.region],
      services: [ctx.service],
      normalizePath: ctx.normalize,
    });

    it("header signing", () => {
      const signed = sign(request, { ...signing, contentSha256Header: ctx.sign_body });
      const result = verify(received(signed, raw.body), verifying);
      expect(result).toMatchObject({ ok: true, accessKeyId: AKID, region: ctx.region, service: ctx.service, location: "header" });
    });

    it("presigning", () => {
      const presigned = presign(request, signing);
      expect(verify({ ...receivedUrl(presigned), body: raw.body }, verifying)).toMatchObject({ ok: true, location: "query" });
    });

    // The suite's own signed requests, as raw HTTP: signed by AWS's reference signer, not by ours.
    it.each(["header", "query"])("the suite's %s-signed-request.txt", (location) => {
      const parsed = parseHttpRequest(new TextEncoder().encode(read(`${dir}${location}-signed-request.txt`)));
      if (typeof parsed === "string") throw new Error(parsed);
      expect(verify(toVerifyRequest(parsed), verifying)).toMatchObject({ ok: true, location });
    });
  });
});

describe("round trips", () => {
  it("verifies the IAM ListUsers example, with the identity and scope of the signer", () => {
    const signed = sign(
      { url: "https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08", headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" } },
      { credentials, region: "us-east-1", service: "iam", date: "20150830T123600Z" },
    );
    expect(verify(received(signed), options({ now: "20150830T123600Z" }))).toEqual({
      ok: true,
      accessKeyId: AKID,
      region: "us-east-1",
      service: "iam",
      date: new Date("2015-08-30T12:36:00Z"),
      signedHeaders: ["content-type", "host", "x-amz-date"],
      payload: "signed",
      payloadHash: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      location: "header",
    });
  });

  it("verifies the S3 presigned example URL of the S3 API Reference", () => {
    const url =
      "/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";
    const s3Key = (id: string) => (id === "AKIAIOSFODNN7EXAMPLE" ? { secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" } : undefined);
    const result = verify({ method: "GET", url, headers: { host: "examplebucket.s3.amazonaws.com" } }, { getCredentials: s3Key, now: "20130524T120000Z" });
    expect(result).toMatchObject({ ok: true, service: "s3", payload: "unsigned", location: "query", expiresAt: new Date("2013-05-25T00:00:00Z") });
  });

  it("tolerates an Authorization header without spaces after its commas (the S3 examples' form)", () => {
    const signed = sign({ url: "https://example.amazonaws.com/" }, { credentials, region: "us-east-1", service: "service", date: "20150830T123600Z" });
    const tight = signed.headers.authorization.replace(/, /g, ",");
    expect(verify({ ...received(signed), headers: { ...signed.headers, authorization: tight } }, options({ now: "20150830T123600Z" })).ok).toBe(true);
  });

  it("accepts UNSIGNED-PAYLOAD and reports a streaming payload marker without reading the body", () => {
    const s3 = { credentials, region: "us-east-1", service: "s3", date: "20130524T000000Z" };
    const unsigned = sign({ method: "PUT", url: "https://b.s3.amazonaws.com/k", body: "data" }, { ...s3, payload: "unsigned" });
    expect(verify(received(unsigned, "other data"), options({ now: "20130524T000000Z" }))).toMatchObject({ ok: true, payload: "unsigned", payloadHash: "UNSIGNED-PAYLOAD" });
    const marker = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
    const streaming = sign({ method: "PUT", url: "https://b.s3.amazonaws.com/k" }, { ...s3, payload: { sha256: marker } });
    expect(verify(received(streaming, "10000;chunk-signature=…"), options({ now: "20130524T000000Z" }))).toMatchObject({ ok: true, payload: "streaming", payloadHash: marker });
  });

  it("accepts a session token that was signed, and one appended after signing (header and URL)", () => {
    const temporary = { ...credentials, sessionToken: TOKEN };
    const withToken = options({ getCredentials: (id) => (id === AKID ? { secretAccessKey: SECRET, sessionToken: TOKEN } : undefined), now: "20150830T123600Z" });
    const base = { credentials: temporary, region: "us-east-1", service: "sts", date: "20150830T123600Z" };
    for (const sessionToken of ["signed", "appended"] as const) {
      expect(verify(received(sign({ url: "https://sts.amazonaws.com/" }, { ...base, sessionToken })), withToken).ok).toBe(true);
      expect(verify(receivedUrl(presign({ url: "https://sts.amazonaws.com/" }, { ...base, sessionToken })), withToken).ok).toBe(true);
    }
  });

  it("reads the time from a Date header when there is no x-amz-date (IAM: handling dates)", () => {
    const date = "Sun, 30 Aug 2015 12:36:00 GMT";
    const creq = `GET\n/\n\ndate:${date}\nhost:example.amazonaws.com\n\ndate;host\n${createHash("sha256").update("").digest("hex")}`;
    const signature = nodeSignature(creq, "20150830T123600Z", SECRET, "us-east-1", "service");
    const authorization = `AWS4-HMAC-SHA256 Credential=${AKID}/20150830/us-east-1/service/aws4_request, SignedHeaders=date;host, Signature=${signature}`;
    const result = verify({ method: "GET", url: "/", headers: { host: "example.amazonaws.com", date, authorization } }, options({ now: "20150830T123600Z" }));
    expect(result).toMatchObject({ ok: true, date: new Date("2015-08-30T12:36:00Z") });
  });

  it("reads SignedHeaders in any case and order, as Amazon S3 does (header and URL)", () => {
    // aws-sdk-php presigned S3 URLs with X-Amz-SignedHeaders=Host for years (aws/aws-sdk-php #951)
    // and with an unsorted list (#3109); only other servers (MinIO, Dell ECS) refused them. The
    // canonical request carries the list lower-cased and sorted, whatever the client wrote.
    const base = { credentials, region: "us-east-1", service: "s3", date: "20150830T123600Z" };
    const request = { url: "https://examplebucket.s3.amazonaws.com/k", headers: { "x-amz-meta-a": "1" } };
    const signed = sign(request, base);
    const authorization = signed.authorization.replace("SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-meta-a", "SignedHeaders=X-Amz-Meta-A;Host;x-amz-date;X-AMZ-CONTENT-SHA256");
    expect(authorization).not.toBe(signed.authorization);
    const result = verify({ ...received(signed), headers: { ...signed.headers, authorization } }, options({ now: base.date }));
    expect(result).toMatchObject({ ok: true, signedHeaders: ["x-amz-meta-a", "host", "x-amz-date", "x-amz-content-sha256"] });
    // A URL's X-Amz-SignedHeaders is also part of the canonical query, where it stays as written.
    const query = `X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${AKID}%2F20150830%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=${base.date}&X-Amz-Expires=900&X-Amz-SignedHeaders=X-Amz-Meta-A%3BHost`;
    const creq = `GET\n/k\n${query}\nhost:examplebucket.s3.amazonaws.com\nx-amz-meta-a:1\n\nhost;x-amz-meta-a\nUNSIGNED-PAYLOAD`;
    const url = `/k?${query}&X-Amz-Signature=${nodeSignature(creq, base.date, SECRET, "us-east-1", "s3")}`;
    const headers = { host: "examplebucket.s3.amazonaws.com", "x-amz-meta-a": "1" };
    expect(verify({ method: "GET", url, headers }, options({ now: base.date }))).toMatchObject({ ok: true, signedHeaders: ["x-amz-meta-a", "host"] });
  });

  it("verifies with an async credential lookup", async () => {
    const signed = sign({ url: "https://example.amazonaws.com/" }, { credentials, region: "us-east-1", service: "service", date: "20150830T123600Z" });
    const result = await verifyAsync(received(signed), { getCredentials: async (id) => known(id), now: "20150830T123600Z" });
    expect(result.ok).toBe(true);
  });

  it("accepts a repeated header received as separate values, as the signer joins it", () => {
    const signed = sign({ url: "https://example.amazonaws.com/", headers: [["x-amz-meta-a", "one"], ["x-amz-meta-a", "two"]] }, { credentials, region: "us-east-1", service: "service", date: "20150830T123600Z" });
    const pairs = Object.entries(signed.headers).flatMap(([n, v]): [string, string][] => (n === "x-amz-meta-a" ? [[n, "one"], [n, " two "]] : [[n, v]]));
    expect(verify({ method: "GET", url: "/", headers: pairs }, options({ now: "20150830T123600Z" })).ok).toBe(true);
  });

  it("presigned with a Host header other than the URL's: host is among the headers to send, and the URL verifies with them", () => {
    const base = { credentials, region: "us-east-1", service: "s3", date: "20150830T123600Z" };
    const local = presign({ url: "http://127.0.0.1:9000/bucket/key", headers: { Host: "bucket.s3.amazonaws.com" } }, base);
    expect(local.headers).toEqual({ host: "bucket.s3.amazonaws.com" });
    expect(verify({ method: "GET", url: targetOf(local.url), headers: local.headers }, options({ now: base.date })).ok).toBe(true);
    const same = presign({ url: "https://bucket.s3.amazonaws.com/key", headers: { Host: "bucket.s3.amazonaws.com" } }, base);
    expect(same.headers).toEqual({});
  });

  it("accepts the signer's header record for a repeated header with whitespace at its values' edges (sent as one field)", () => {
    const request = { url: "https://examplebucket.s3.amazonaws.com/k", headers: [["x-amz-meta-a", " one "], ["x-amz-meta-a", "\ttwo  2 "], ["x-amz-meta-a", "  "], ["x-amz-meta-a", "three"]] as [string, string][] };
    const base = { credentials, region: "us-east-1", date: "20150830T123600Z" };
    for (const service of ["service", "s3"]) {
      const signed = sign(request, { ...base, service });
      expect(signed.canonicalRequest).toContain("\nx-amz-meta-a:one,two 2,,three\n");
      expect(verify(received(signed), options({ now: base.date })).ok, service).toBe(true);
      const presigned = presign(request, { ...base, service });
      expect(verify(receivedUrl(presigned), options({ now: base.date })).ok, service).toBe(true);
    }
  });
});

describe("a payload line the service cannot work out travels in x-amz-content-sha256", () => {
  const body = "hello";
  const bodyHash = createHash("sha256").update(body).digest("hex");
  const date = "20150830T123600Z";
  const url = "https://examplebucket.s3.amazonaws.com/k";
  const cases: [string, PresignOptions["payload"], string][] = [
    ["sign", "sign", bodyHash],
    ["{ sha256: hash }", { sha256: bodyHash }, bodyHash],
    ["unsigned", "unsigned", "UNSIGNED-PAYLOAD"],
    ["{ sha256: marker }", { sha256: "UNSIGNED-PAYLOAD" }, "UNSIGNED-PAYLOAD"],
  ];

  describe.each(["s3", "service"])("%s", (service) => {
    const base = { credentials, region: "us-east-1", service, date };
    it.each(cases)("signed with payload %s: verifies, with the header wherever the service would assume another line", (_, payload, line) => {
      const signed = sign({ method: "PUT", url, body }, { ...base, payload });
      // S3 always gets the header; another service hashes the body itself, so only a marker must be declared.
      expect(signed.headers["x-amz-content-sha256"]).toBe(service === "s3" || line !== bodyHash ? line : undefined);
      expect(verify(received(signed, body), options({ now: date }))).toMatchObject({ ok: true, payloadHash: line });
    });

    it.each(cases)("presigned with payload %s: verifies with the headers to send, which declare the line when needed", (_, payload, line) => {
      const presigned = presign({ method: "PUT", url, body }, { ...base, payload });
      // A presigned S3 URL is UNSIGNED-PAYLOAD unless declared; another service hashes the body.
      const assumed = service === "s3" ? "UNSIGNED-PAYLOAD" : bodyHash;
      expect(presigned.headers["x-amz-content-sha256"]).toBe(line === assumed ? undefined : line);
      expect(new URL(presigned.url).searchParams.has("X-Amz-Content-Sha256")).toBe(false);
      expect(verify({ ...receivedUrl(presigned), body }, options({ now: date }))).toMatchObject({ ok: true, location: "query", payloadHash: line });
    });
  });

  it("a presigned S3 URL whose payload is signed refuses another body", () => {
    const presigned = presign({ method: "PUT", url, body }, { credentials, region: "us-east-1", service: "s3", date, payload: "sign" });
    expect(failure(verify({ ...receivedUrl(presigned), body: "other" }, options({ now: date }))).code).toBe("XAmzContentSHA256Mismatch");
  });

  it("presigning replaces the caller's x-amz-content-sha256 with the line an explicit payload option gives", () => {
    const presigned = presign({ method: "PUT", url, body, headers: { "X-Amz-Content-Sha256": "UNSIGNED-PAYLOAD" } }, { credentials, region: "us-east-1", service: "s3", date, payload: "sign" });
    expect(presigned.headers).toEqual({ "x-amz-content-sha256": bodyHash });
    expect(verify({ ...receivedUrl(presigned), body }, options({ now: date })).ok).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------
// Generated requests.

const SERVICES = ["s3", "service", "execute-api", "sts"];
const segment = fc.stringMatching(/^[A-Za-z0-9\-._~ +*()!$,:@éü中]{1,8}$/).filter((s) => s !== "." && s !== "..");
const queryText = fc.stringMatching(/^[A-Za-z0-9\-._~ +=*/éü]{0,8}$/);
const headerValue = fc.stringMatching(/^[!-~]([ -~]{0,10}[!-~])?$/);

const requestArb = fc.record({
  method: fc.constantFrom("GET", "PUT", "POST", "DELETE", "HEAD"),
  segments: fc.array(segment, { minLength: 0, maxLength: 4 }),
  query: fc.array(fc.tuple(queryText, queryText), { maxLength: 4 }),
  headers: fc.array(fc.tuple(fc.constantFrom("x-amz-meta-a", "x-amz-meta-b", "content-type", "x-custom", "range"), headerValue), { maxLength: 4 }),
  body: fc.oneof(fc.string({ maxLength: 40 }), fc.uint8Array({ maxLength: 40 })),
  service: fc.constantFrom(...SERVICES),
  region: fc.constantFrom("us-east-1", "eu-west-1", "ap-southeast-2"),
  token: fc.option(fc.stringMatching(/^[A-Za-z0-9+/=]{10,40}$/), { nil: undefined }),
  epochSeconds: fc.integer({ min: 978307200, max: 1893456000 }),
  presigned: fc.boolean(),
  payload: fc.constantFrom(undefined, "sign", "unsigned"),
  expiresIn: fc.integer({ min: 1, max: 604800 }),
  elapsed: fc.double({ min: 0, max: 1, noNaN: true }),
});

describe("generated requests", () => {
  it("everything the signer produces verifies (fast-check)", () => {
    fc.assert(
      fc.property(requestArb, (r) => {
        const path = "/" + r.segments.map(encodeURIComponent).join("/");
        const query = r.query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
        const url = `https://host.example.com${path}${query === "" ? "" : "?" + query}`;
        const date = r.epochSeconds * 1000;
        const creds = { ...credentials, ...(r.token === undefined ? {} : { sessionToken: r.token }) };
        const base = { credentials: creds, region: r.region, service: r.service, date };
        const lookup = (id: string) => (id === AKID ? { secretAccessKey: SECRET, sessionToken: r.token } : undefined);
        const request = { method: r.method, url, headers: r.headers, body: r.body };
        // Presigned S3 URLs leave the payload unsigned unless told otherwise; everything else signs it.
        const unsigned = r.payload === "unsigned" || (r.presigned && r.payload === undefined && r.service === "s3");
        const payload = unsigned ? "unsigned" : "signed";
        if (r.presigned) {
          const p = presign(request, { ...base, payload: r.payload, expiresIn: r.expiresIn });
          const now = date + Math.floor(r.elapsed * r.expiresIn) * 1000;
          const result = verify({ ...receivedUrl(p), body: r.body }, { getCredentials: lookup, now, regions: [r.region], services: [r.service] });
          expect(result).toMatchObject({ ok: true, location: "query", service: r.service, region: r.region, payload });
        } else {
          const signed = sign(request, { ...base, payload: r.payload });
          const now = date + Math.floor(r.elapsed * 900) * 1000;
          const result = verify(received(signed, r.body), { getCredentials: lookup, now, regions: [r.region], services: [r.service] });
          expect(result).toMatchObject({ ok: true, location: "header", payload });
        }
      }),
      { seed: 20150830, numRuns: 1500 },
    );
  });

  it("never throws on what a client sends, whatever it is (fast-check)", () => {
    const text = fc.string({ maxLength: 60, unit: "binary" });
    const auth = fc.oneof(text, text.map((t) => `AWS4-HMAC-SHA256 ${t}`), fc.constant(sign({ url: "https://h.example/" }, { credentials, region: "r", service: "s" }).authorization));
    fc.assert(
      fc.property(text, text, fc.option(auth), fc.array(fc.tuple(text, text), { maxLength: 5 }), fc.option(text), (method, target, authorization, headers, body) => {
        const all: [string, string][] = [...headers, ["host", "h.example"]];
        if (authorization !== null) all.push(["authorization", authorization]);
        const result = verify({ method, url: target, headers: all, body: body ?? undefined }, options());
        expect(typeof result.ok).toBe("boolean");
      }),
      { seed: 7, numRuns: 3000 },
    );
  });

  it("never throws on a signed request's own fields changed to anything of their shape (fast-check)", () => {
    // Close to valid, so that the checks past the parsing meet the values: dates of any year, day
    // and hour, the time fields, scope parts, expiry, tokens and payload hashes, in the header and the URL.
    const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
    const basic = fc.tuple(digits(8), digits(6)).map(([d, t]) => `${d}T${t}Z`);
    const padded = (min: number, max: number, width: number) => fc.integer({ min, max }).map((n) => String(n).padStart(width, "0"));
    const two = (max: number) => fc.oneof({ arbitrary: padded(0, max, 2), weight: 4 }, { arbitrary: digits(2), weight: 1 });
    const year = fc.oneof(padded(0, 999, 4), digits(4));
    const imf = fc
      .tuple(fc.constantFrom("Mon", "Sun"), two(28), fc.constantFrom("Jan", "Feb", "Dec", "Foo"), year, two(23), two(59), two(59))
      .map(([w, d, m, y, h, mi, s]) => `${w}, ${d} ${m} ${y} ${h}:${mi}:${s} GMT`);
    const part = fc.oneof(fc.constantFrom("", "us-east-1", "s3", "s3express", "aws4_request", "20150830"), fc.string({ maxLength: 12 }));
    const numberText = fc.oneof(fc.integer({ min: -5, max: 10 ** 7 }).map(String), fc.constantFrom("", "1e3", "0x10", "9".repeat(30), "NaN"));
    const value = fc.oneof(basic, imf, part, numberText);
    const field = fc.constantFrom("x-amz-date", "date", "date", "x-amz-security-token", "x-amz-s3session-token", "x-amz-content-sha256", "host");
    const param = fc.constantFrom("X-Amz-Date", "X-Amz-Expires", "X-Amz-Credential", "X-Amz-SignedHeaders", "X-Amz-Security-Token", "X-Amz-S3session-Token", "X-Amz-Content-Sha256");
    const signedHeader = sign({ url: "https://b.s3.amazonaws.com/k?a=1" }, { credentials, region: "us-east-1", service: "s3", date: "20150830T123600Z" });
    const presigned = presign({ url: "https://b.s3.amazonaws.com/k?a=1" }, { credentials, region: "us-east-1", service: "s3", date: "20150830T123600Z" });
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.array(fc.tuple(field, value), { maxLength: 3 }), fc.array(fc.tuple(param, value), { maxLength: 3 }), fc.array(part, { maxLength: 5 }), (inUrl, dropDate, headers, params, scope) => {
        const url = new URL(inUrl ? presigned.url : signedHeader.url);
        for (const [name, v] of params) url.searchParams.set(name, v);
        const base: Record<string, string> = inUrl ? { host: url.host } : { ...signedHeader.headers };
        if (dropDate) delete base["x-amz-date"];
        if (!inUrl && scope.length > 0) base.authorization = base.authorization.replace(/Credential=[^,]+/, `Credential=${scope.join("/")}`);
        const all = { ...base, ...Object.fromEntries(headers) };
        for (const now of ["20150830T123600Z", 0, Date.UTC(9999, 11, 31)]) {
          const result = verify({ method: "GET", url: url.pathname + url.search, headers: all }, options({ now, services: ["s3", "s3express"] }));
          expect(typeof result.ok).toBe("boolean");
        }
      }),
      { seed: 11, numRuns: 3000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Single-byte changes.

/** `text` with its character at `i` replaced by another of the same kind (letter, digit, other). */
function mutate(text: string, i: number): string {
  const c = text[i];
  const other = /[a-z]/.test(c) ? (c === "q" ? "w" : "q") : /[A-Z]/.test(c) ? (c === "Q" ? "W" : "Q") : /[0-9]/.test(c) ? (c === "7" ? "3" : "7") : "x";
  return text.slice(0, i) + other + text.slice(i + 1);
}

const hexMutate = (text: string, i: number): string => text.slice(0, i) + (text[i] === "a" ? "b" : "a") + text.slice(i + 1);

describe.each([
  ["a service other than S3", "service", "SignatureDoesNotMatch"],
  ["S3", "s3", "XAmzContentSHA256Mismatch"],
])("every single-byte change is refused: %s", (_title, service, bodyCode) => {
  const date = "20150830T123600Z";
  const body = '{"Message":"hello","Count":3}';
  const signed = sign(
    { method: "POST", url: "https://host.example.com/photos/summer-2015/beach.jpg?acl=&versionId=3HL4kqtJ", headers: { "x-amz-meta-color": "sea blue", "content-type": "application/json" }, body },
    { credentials, region: "us-east-1", service, date },
  );
  const base = received(signed, body);
  const check = (request: VerifyRequest): VerifyFailure => failure(verify(request, options({ now: date })));
  const target = base.url as string;

  it("the unchanged request verifies", () => {
    expect(verify(base, options({ now: date })).ok).toBe(true);
  });

  it("each byte of the method", () => {
    for (let i = 0; i < signed.method.length; i++) expect(check({ ...base, method: mutate(signed.method, i) }).code).toBe("SignatureDoesNotMatch");
  });

  it("each byte of the path and of the query", () => {
    for (let i = 0; i < target.length; i++) expect(check({ ...base, url: mutate(target, i) }).code, mutate(target, i)).toBe("SignatureDoesNotMatch");
  });

  it("each byte of a signed header's value", () => {
    const value = signed.headers["x-amz-meta-color"];
    for (let i = 0; i < value.length; i++) expect(check({ ...base, headers: { ...signed.headers, "x-amz-meta-color": mutate(value, i) } }).code).toBe("SignatureDoesNotMatch");
  });

  it("each byte of the body", () => {
    const bytes = new TextEncoder().encode(body);
    for (let i = 0; i < bytes.length; i++) {
      const changed = bytes.slice();
      changed[i] ^= 1;
      expect(check({ ...base, body: changed }).code).toBe(bodyCode);
    }
  });

  it("each hex digit of the signature", () => {
    for (let i = 0; i < 64; i++) {
      const authorization = signed.headers.authorization.replace(signed.signature, hexMutate(signed.signature, i));
      expect(check({ ...base, headers: { ...signed.headers, authorization } }).code).toBe("SignatureDoesNotMatch");
    }
  });
});

describe.each([
  ["a service other than S3", "service"],
  ["S3", "s3"],
])("every single-byte change to a presigned URL is refused: %s", (_title, service) => {
  const date = "20150830T123600Z";
  const p = presign({ url: "https://host.example.com/reports/2015/q3.csv?response-content-type=text%2Fcsv" }, { credentials, region: "us-east-1", service, date, expiresIn: 3600 });
  const base = receivedUrl(p);
  const target = base.url as string;
  const signedPart = target.indexOf("&X-Amz-Algorithm");
  const check = (request: VerifyRequest): VerifyFailure => failure(verify(request, options({ now: date, services: [service] })));

  it("the unchanged URL verifies", () => {
    expect(verify(base, options({ now: date })).ok).toBe(true);
  });

  it("each byte of the method", () => {
    for (let i = 0; i < p.method.length; i++) expect(check({ ...base, method: mutate(p.method, i) }).code).toBe("SignatureDoesNotMatch");
  });

  it("each byte of the path and of the query before the presigning parameters", () => {
    // Without its '?', the URL has no query, so no signature at all.
    const unsigned = service === "s3" ? "AccessDenied" : "MissingAuthenticationToken";
    for (let i = 0; i < signedPart; i++) {
      expect(check({ ...base, url: mutate(target, i) }).code).toBe(target[i] === "?" ? unsigned : "SignatureDoesNotMatch");
    }
  });

  it("each hex digit of X-Amz-Signature", () => {
    for (let i = 0; i < 64; i++) expect(check({ ...base, url: target.replace(p.signature, hexMutate(p.signature, i)) }).code).toBe("SignatureDoesNotMatch");
  });
});

// ---------------------------------------------------------------------------------------------
// Each error outcome, services other than S3 (query and JSON protocols).

describe("errors of services other than S3", () => {
  const date = "20150830T123600Z";
  const iam = { credentials, region: "us-east-1", service: "iam", date };
  const signed = sign({ url: "https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08" }, iam);
  const base = received(signed);
  const at = (now: string, extra: Partial<VerifyOptions> = {}) => options({ now, regions: ["us-east-1"], services: ["iam"], ...extra });
  const withAuth = (authorization: string): VerifyRequest => ({ ...base, headers: { ...signed.headers, authorization } });
  const hashed = (header: string) => `(Hashed with SHA-256 and encoded with Base64) Authorization=${b64sha256(header)}`;
  const outcome = (request: VerifyRequest, opts = at(date)) => {
    const f = failure(verify(request, opts));
    return { status: f.status, code: f.code, message: f.message };
  };

  it("no Authorization header: MissingAuthenticationToken", () => {
    const { authorization: _, ...headers } = signed.headers;
    expect(outcome({ ...base, headers })).toEqual({ status: 403, code: "MissingAuthenticationToken", message: "Request is missing Authentication Token" });
  });

  it("an empty Authorization header: IncompleteSignature, quoting the header hashed", () => {
    expect(outcome(withAuth(""))).toEqual({
      status: 400,
      code: "IncompleteSignature",
      message: `Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. ${hashed("")}`,
    });
  });

  it("another algorithm: IncompleteSignature", () => {
    expect(outcome(withAuth(signed.authorization.replace("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA512")))).toEqual({
      status: 400,
      code: "IncompleteSignature",
      message: "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA512' (only AWS4-HMAC-SHA256 for now). ",
    });
  });

  it.each(["Credential", "SignedHeaders", "Signature"])("no %s=: IncompleteSignature naming it", (component) => {
    const header = signed.authorization.replace(new RegExp(`,? ?${component}=[^, ]+`), "");
    expect(outcome(withAuth(header))).toEqual({ status: 400, code: "IncompleteSignature", message: `Authorization header requires '${component}' parameter. ${hashed(header)}` });
  });

  it("a component without '=': IncompleteSignature, quoting the header hashed", () => {
    const header = signed.authorization.replace("SignedHeaders=host;x-amz-date", "SignedHeaders");
    expect(outcome(withAuth(header))).toEqual({
      status: 400,
      code: "IncompleteSignature",
      message: `Invalid key=value pair (missing equal-sign) in Authorization header (hashed with SHA-256 and encoded with Base64): '${b64sha256(header)}'.`,
    });
  });

  it("no date: IncompleteSignature", () => {
    const { "x-amz-date": _, ...headers } = signed.headers;
    expect(outcome({ ...base, headers })).toEqual({
      status: 400,
      code: "IncompleteSignature",
      message: `Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ${hashed(signed.authorization)}`,
    });
  });

  it("an x-amz-date in another format: IncompleteSignature", () => {
    expect(outcome({ ...base, headers: { ...signed.headers, "x-amz-date": "2015-08-30T12:36:00Z" } })).toEqual({
      status: 400,
      code: "IncompleteSignature",
      message: "Date must be in ISO-8601 'basic format'. Got '2015-08-30T12:36:00Z'. See http://en.wikipedia.org/wiki/ISO_8601",
    });
  });

  it("a Date header (no x-amz-date) with a year the signer cannot write, or one below 100: IncompleteSignature, never a throw", () => {
    const { "x-amz-date": _, ...rest } = signed.headers;
    for (const date of ["Mon, 01 Jan 0999 00:00:00 GMT", "Fri, 01 Jan 0050 00:00:00 GMT"]) {
      expect(outcome({ ...base, headers: { ...rest, date } }), date).toMatchObject({ status: 400, code: "IncompleteSignature", message: `Date must be in ISO-8601 'basic format'. Got '${date}'. See http://en.wikipedia.org/wiki/ISO_8601` });
    }
  });

  it("an unknown access key: InvalidClientTokenId", () => {
    expect(outcome(withAuth(signed.authorization.replace(AKID, "AKIDUNKNOWN")))).toEqual({ status: 403, code: "InvalidClientTokenId", message: "The security token included in the request is invalid." });
  });

  it("a scope date that is not the day of x-amz-date: SignatureDoesNotMatch", () => {
    const request = { ...base, headers: { ...signed.headers, "x-amz-date": "20150831T003600Z" } };
    expect(outcome(request, at("20150831T003600Z"))).toEqual({
      status: 403,
      code: "SignatureDoesNotMatch",
      message: "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20150830' != '20150831', from '20150831T003600Z'. ",
    });
  });

  it("another region: SignatureDoesNotMatch", () => {
    const request = received(sign({ url: "https://iam.amazonaws.com/" }, { ...iam, region: "eu-west-1" }));
    expect(outcome(request)).toEqual({ status: 403, code: "SignatureDoesNotMatch", message: "Credential should be scoped to a valid region, not 'eu-west-1'. " });
  });

  it("another service: SignatureDoesNotMatch", () => {
    const request = received(sign({ url: "https://iam.amazonaws.com/" }, { ...iam, service: "sts" }));
    expect(outcome(request)).toEqual({ status: 403, code: "SignatureDoesNotMatch", message: "Credential should be scoped to correct service: 'iam'. " });
  });

  it("another region and service: both, in one message", () => {
    const request = received(sign({ url: "https://iam.amazonaws.com/" }, { ...iam, region: "eu-west-1", service: "sts" }));
    expect(outcome(request).message).toBe("Credential should be scoped to a valid region, not 'eu-west-1'. Credential should be scoped to correct service: 'iam'. ");
  });

  it("a terminator other than aws4_request: SignatureDoesNotMatch", () => {
    expect(outcome(withAuth(signed.authorization.replace("/aws4_request", "/aws4_requestx")))).toEqual({
      status: 403,
      code: "SignatureDoesNotMatch",
      message: "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws4_requestx'. ",
    });
  });

  it("a request more than 15 minutes old: Signature expired", () => {
    expect(outcome(base, at("20150830T130600Z"))).toEqual({
      status: 403,
      code: "SignatureDoesNotMatch",
      message: "Signature expired: 20150830T123600Z is now earlier than 20150830T125100Z (20150830T130600Z - 15 min.)",
    });
  });

  it("a request more than 15 minutes ahead: Signature not yet current", () => {
    expect(outcome(base, at("20150830T120600Z"))).toEqual({
      status: 403,
      code: "SignatureDoesNotMatch",
      message: "Signature not yet current: 20150830T123600Z is still later than 20150830T122100Z (20150830T120600Z + 15 min.)",
    });
  });

  it("15 minutes either way is still current; maxSkewSeconds narrows the window", () => {
    expect(verify(base, at("20150830T125100Z")).ok).toBe(true);
    expect(verify(base, at("20150830T122100Z")).ok).toBe(true);
    expect(outcome(base, at("20150830T124100Z", { maxSkewSeconds: 120 })).message).toBe("Signature expired: 20150830T123600Z is now earlier than 20150830T123900Z (20150830T124100Z - 2 min.)");
  });

  it("host not signed: SignatureDoesNotMatch", () => {
    expect(outcome(withAuth(signed.authorization.replace("SignedHeaders=host;x-amz-date", "SignedHeaders=x-amz-date")))).toEqual({
      status: 403,
      code: "SignatureDoesNotMatch",
      message: "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    });
  });

  it("x-amz-date used but not signed: SignatureDoesNotMatch", () => {
    expect(outcome(withAuth(signed.authorization.replace("SignedHeaders=host;x-amz-date", "SignedHeaders=host")))).toEqual({
      status: 403,
      code: "SignatureDoesNotMatch",
      message: "'x-amz-date' must be a 'SignedHeader' in the AWS Authorization.",
    });
  });

  it("an x-amz-content-sha256 that is not the body's: SignatureDoesNotMatch computed over the body's real hash", () => {
    const body = "Action=ListUsers&Version=2010-05-08";
    const post = sign({ method: "POST", url: "https://iam.amazonaws.com/", body }, { ...iam, contentSha256Header: true });
    const f = failure(verify(received(post, body + " "), at(date)));
    expect(f.code).toBe("SignatureDoesNotMatch");
    expect(f.status).toBe(403);
    expect(f.canonicalRequest?.split("\n").pop()).toBe(createHash("sha256").update(body + " ").digest("hex"));
  });

  it("a wrong signature: SignatureDoesNotMatch with the canonical request and string to sign in the message", () => {
    const forged = sign({ url: "https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08" }, { ...iam, credentials: { accessKeyId: AKID, secretAccessKey: NOT_SECRET } });
    const f = failure(verify(received(forged), at(date)));
    const creq = `GET\n/\nAction=ListUsers&Version=2010-05-08\nhost:iam.amazonaws.com\nx-amz-date:${date}\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855`;
    const sts = `AWS4-HMAC-SHA256\n${date}\n20150830/us-east-1/iam/aws4_request\n${createHash("sha256").update(creq).digest("hex")}`;
    expect(f).toMatchObject({ status: 403, code: "SignatureDoesNotMatch", canonicalRequest: creq, stringToSign: sts });
    expect(f.message).toBe(
      `The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\nThe Canonical String for this request should have been\n'${creq}'\n\nThe String-to-Sign should have been\n'${sts}'\n`,
    );
    expect(JSON.stringify(f)).not.toContain(SECRET);
  });

  it("temporary credentials without their session token: InvalidClientTokenId", () => {
    const lookup = (id: string) => (id === AKID ? { secretAccessKey: SECRET, sessionToken: TOKEN } : undefined);
    expect(outcome(base, at(date, { getCredentials: lookup }))).toEqual({ status: 403, code: "InvalidClientTokenId", message: "The security token included in the request is invalid." });
  });

  it("a presigned URL past X-Amz-Expires: RequestExpired", () => {
    const p = presign({ url: "https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08" }, { ...iam, expiresIn: 60 });
    expect(verify(receivedUrl(p), at("20150830T123700Z")).ok).toBe(true);
    expect(outcome(receivedUrl(p), at("20150830T123701Z"))).toEqual({ status: 400, code: "RequestExpired", message: "Request has expired." });
  });

  it("X-Amz-Expires over 7 days: IncompleteSignature", () => {
    const p = presign({ url: "https://iam.amazonaws.com/" }, { ...iam, expiresIn: 604800 });
    expect(outcome({ ...receivedUrl(p), url: targetOf(p.url).replace("X-Amz-Expires=604800", "X-Amz-Expires=604801") })).toEqual({
      status: 400,
      code: "IncompleteSignature",
      message: "X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds",
    });
  });

  it("a presigning parameter given twice: IncompleteSignature, whichever copy comes first", () => {
    const p = presign({ url: "https://iam.amazonaws.com/" }, { ...iam, expiresIn: 60 });
    for (const copy of ["X-Amz-Expires=604800&", "x-amz-credential=x&"]) {
      const f = failure(verify({ ...receivedUrl(p), url: targetOf(p.url).replace("?", `?${copy}`) }, at("20150830T123600Z")));
      expect([f.status, f.code, f.message]).toEqual([400, "IncompleteSignature", `${copy.startsWith("X") ? "X-Amz-Expires" : "X-Amz-Credential"} must appear only once in the query string`]);
    }
  });

  it("a presigned URL without X-Amz-Signature: IncompleteSignature", () => {
    const p = presign({ url: "https://iam.amazonaws.com/" }, iam);
    expect(outcome({ ...receivedUrl(p), url: targetOf(p.url).replace(/&X-Amz-Signature=\w+/, "") })).toEqual({
      status: 400,
      code: "IncompleteSignature",
      message: "AWS query-string parameters must include 'X-Amz-Signature'. Re-examine the query-string parameters.",
    });
  });

  it("a presigned URL dated more than 15 minutes ahead: Signature not yet current", () => {
    const p = presign({ url: "https://iam.amazonaws.com/" }, iam);
    expect(outcome(receivedUrl(p), at("20150830T122000Z")).message).toBe("Signature not yet current: 20150830T123600Z is still later than 20150830T123500Z (20150830T122000Z + 15 min.)");
  });
});

// ---------------------------------------------------------------------------------------------
// Each error outcome, Amazon S3 (REST-XML).

describe("errors of Amazon S3", () => {
  const date = "20130524T000000Z";
  const s3 = { credentials, region: "us-east-1", service: "s3", date };
  const signed = sign({ url: "https://examplebucket.s3.amazonaws.com/test.txt" }, s3);
  const base = received(signed);
  const at = (now: string, extra: Partial<VerifyOptions> = {}) => options({ now, regions: ["us-east-1"], services: ["s3"], ...extra });
  const withAuth = (authorization: string): VerifyRequest => ({ ...base, headers: { ...signed.headers, authorization } });
  const outcome = (request: VerifyRequest, opts = at(date)) => {
    const f = failure(verify(request, opts));
    return { status: f.status, code: f.code, message: f.message, ...(f.details ? { details: f.details } : {}) };
  };
  const malformed = (detail: string) => ({ status: 400, code: "AuthorizationHeaderMalformed", message: `The authorization header is malformed; ${detail}` });
  const COMPONENTS = "the authorization header requires three components: Credential, SignedHeaders, and Signature.";

  it("no Authorization header: AccessDenied (S3 serves the request anonymously, and denies it)", () => {
    const { authorization: _, ...headers } = signed.headers;
    expect(outcome({ ...base, headers })).toEqual({ status: 403, code: "AccessDenied", message: "Access Denied" });
    expect(outcome(withAuth(""))).toEqual({ status: 403, code: "AccessDenied", message: "Access Denied" });
  });

  it.each(["Credential", "SignedHeaders", "Signature"])("no %s=: AuthorizationHeaderMalformed", (component) => {
    expect(outcome(withAuth(signed.authorization.replace(new RegExp(`${component}=[^, ]+,? ?`), "")))).toEqual(malformed(COMPONENTS));
  });

  it("a component without '=': AuthorizationHeaderMalformed", () => {
    expect(outcome(withAuth(signed.authorization.replace(/SignedHeaders=[^,]+/, "SignedHeaders")))).toEqual(malformed(COMPONENTS));
  });

  it("another authorization type: InvalidArgument", () => {
    expect(outcome(withAuth("Bearer token"))).toEqual({
      status: 400,
      code: "InvalidArgument",
      message: "Unsupported Authorization Type",
      details: { ArgumentName: "Authorization", ArgumentValue: "Bearer token" },
    });
  });

  it("Signature Version 2: InvalidRequest", () => {
    expect(outcome(withAuth(`AWS ${AKID}:frJIUN8DYpKDtOLCwo//yllqDzg=`))).toEqual({
      status: 400,
      code: "InvalidRequest",
      message: "The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.",
    });
  });

  it("a credential of four parts: AuthorizationHeaderMalformed", () => {
    expect(outcome(withAuth(signed.authorization.replace("/us-east-1/", "/")))).toEqual(malformed('the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".'));
  });

  it("an unknown access key: InvalidAccessKeyId", () => {
    expect(outcome(withAuth(signed.authorization.replace(AKID, "AKIAUNKNOWN")))).toEqual({
      status: 403,
      code: "InvalidAccessKeyId",
      message: "The AWS Access Key Id you provided does not exist in our records.",
      details: { AWSAccessKeyId: "AKIAUNKNOWN" },
    });
  });

  it("another region: AuthorizationHeaderMalformed naming the expected region", () => {
    expect(outcome(received(sign({ url: "https://examplebucket.s3.amazonaws.com/" }, { ...s3, region: "eu-west-1" })))).toEqual({
      ...malformed("the region 'eu-west-1' is wrong; expecting 'us-east-1'"),
      details: { Region: "us-east-1" },
    });
  });

  it("another region in a presigned URL: AuthorizationQueryParametersError", () => {
    const p = presign({ url: "https://examplebucket.s3.amazonaws.com/" }, { ...s3, region: "eu-west-1" });
    expect(outcome(receivedUrl(p))).toEqual({
      status: 400,
      code: "AuthorizationQueryParametersError",
      message: "Error parsing the X-Amz-Credential parameter; the region 'eu-west-1' is wrong; expecting 'us-east-1'",
      details: { Region: "us-east-1" },
    });
  });

  it("another service: AuthorizationHeaderMalformed", () => {
    expect(outcome(received(sign({ url: "https://examplebucket.s3.amazonaws.com/" }, { ...s3, service: "sts" })))).toEqual(
      malformed('incorrect service "sts". This endpoint belongs to "s3".'),
    );
  });

  it("a terminator other than aws4_request: AuthorizationHeaderMalformed", () => {
    expect(outcome(withAuth(signed.authorization.replace("/aws4_request", "/aws4_reques")))).toEqual(malformed('incorrect terminal "aws4_reques". This endpoint uses "aws4_request".'));
  });

  it("a scope date that is not the day of x-amz-date: AuthorizationHeaderMalformed", () => {
    const request = { ...base, headers: { ...signed.headers, "x-amz-date": "20130525T000000Z" } };
    expect(outcome(request, at("20130525T000000Z"))).toEqual(malformed('Invalid credential date "20130524". This date is not the same as X-Amz-Date: "20130525".'));
  });

  it("no date: AccessDenied", () => {
    const { "x-amz-date": _, ...headers } = signed.headers;
    expect(outcome({ ...base, headers })).toEqual({ status: 403, code: "AccessDenied", message: "AWS authentication requires a valid Date or x-amz-date header" });
  });

  it("a request time more than 15 minutes off: RequestTimeTooSkewed", () => {
    expect(outcome(base, at("20130524T001501Z"))).toEqual({
      status: 403,
      code: "RequestTimeTooSkewed",
      message: "The difference between the request time and the current time is too large.",
      details: { RequestTime: "20130524T000000Z", ServerTime: "2013-05-24T00:15:01Z", MaxAllowedSkewMilliseconds: "900000" },
    });
  });

  it("a request both too old and badly signed: SignatureDoesNotMatch (S3 checks the signature first)", () => {
    const forged = sign({ url: "https://examplebucket.s3.amazonaws.com/test.txt" }, { ...s3, credentials: { accessKeyId: AKID, secretAccessKey: NOT_SECRET } });
    expect(outcome(received(forged), at("20130524T010000Z")).code).toBe("SignatureDoesNotMatch");
  });

  it("an x-amz-* header that is not signed: AccessDenied listing it", () => {
    expect(outcome({ ...base, headers: { ...signed.headers, "x-amz-meta-color": "red" } })).toEqual({
      status: 403,
      code: "AccessDenied",
      message: "There were headers present in the request which were not signed",
      details: { HeadersNotSigned: "x-amz-meta-color" },
    });
  });

  it("host not signed: AccessDenied listing it", () => {
    expect(outcome(withAuth(signed.authorization.replace("SignedHeaders=host;", "SignedHeaders=")))).toMatchObject({ code: "AccessDenied", details: { HeadersNotSigned: "host" } });
  });

  it("no x-amz-content-sha256: InvalidRequest", () => {
    const { "x-amz-content-sha256": _, ...headers } = signed.headers;
    const authorization = signed.authorization.replace("host;x-amz-content-sha256;x-amz-date", "host;x-amz-date");
    expect(outcome({ ...base, headers: { ...headers, authorization } })).toEqual({ status: 400, code: "InvalidRequest", message: "Missing required header for this request: x-amz-content-sha256" });
  });

  it("an x-amz-content-sha256 that is neither a hash nor a marker: InvalidArgument", () => {
    const value = signed.headers["x-amz-content-sha256"].slice(1);
    expect(outcome({ ...base, headers: { ...signed.headers, "x-amz-content-sha256": value } })).toEqual({
      status: 400,
      code: "InvalidArgument",
      message:
        "x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD, STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER or a valid sha256 value.",
      details: { ArgumentName: "x-amz-content-sha256", ArgumentValue: value },
    });
  });

  it("a body that is not the one hashed: XAmzContentSHA256Mismatch", () => {
    const put = sign({ method: "PUT", url: "https://examplebucket.s3.amazonaws.com/k", body: "Welcome to Amazon S3." }, s3);
    expect(outcome(received(put, "Welcome to Amazon S3!"))).toEqual({
      status: 400,
      code: "XAmzContentSHA256Mismatch",
      message: "The provided 'x-amz-content-sha256' header does not match what was computed.",
      details: {
        ClientComputedContentSHA256: createHash("sha256").update("Welcome to Amazon S3.").digest("hex"),
        S3ComputedContentSHA256: createHash("sha256").update("Welcome to Amazon S3!").digest("hex"),
      },
    });
  });

  it("a wrong signature: SignatureDoesNotMatch with the strings and their bytes, as S3 sends them", () => {
    const forged = sign({ url: "https://examplebucket.s3.amazonaws.com/test.txt" }, { ...s3, credentials: { accessKeyId: AKID, secretAccessKey: NOT_SECRET } });
    const f = failure(verify(received(forged), at(date)));
    const spaced = (t: string) => Buffer.from(t).toString("hex").match(/../g)?.join(" ");
    expect(f).toMatchObject({ status: 403, code: "SignatureDoesNotMatch", message: "The request signature we calculated does not match the signature you provided. Check your key and signing method." });
    expect(f.details).toEqual({
      AWSAccessKeyId: AKID,
      StringToSign: forged.stringToSign,
      SignatureProvided: forged.signature,
      StringToSignBytes: spaced(forged.stringToSign),
      CanonicalRequest: forged.canonicalRequest,
      CanonicalRequestBytes: spaced(forged.canonicalRequest),
    });
    expect(JSON.stringify(f)).not.toContain(NOT_SECRET);
  });

  it("temporary credentials without their token: InvalidAccessKeyId; a token for a key that has none: InvalidToken", () => {
    const temporary = (id: string) => (id === AKID ? { secretAccessKey: SECRET, sessionToken: TOKEN } : undefined);
    expect(outcome(base, at(date, { getCredentials: temporary })).code).toBe("InvalidAccessKeyId");
    const withToken = sign({ url: "https://examplebucket.s3.amazonaws.com/test.txt" }, { ...s3, credentials: { ...credentials, sessionToken: TOKEN } });
    expect(outcome(received(withToken))).toEqual({ status: 400, code: "InvalidToken", message: "The provided token is malformed or otherwise invalid." });
  });

  describe("presigned URLs", () => {
    const p = presign({ url: "https://examplebucket.s3.amazonaws.com/test.txt" }, { ...s3, expiresIn: 60 });
    const url = receivedUrl(p);
    const replace = (from: string | RegExp, to: string): VerifyRequest => ({ ...url, url: (url.url as string).replace(from, to) });
    const parameters = (message: string) => ({ status: 400, code: "AuthorizationQueryParametersError", message });

    it("valid to the last second of X-Amz-Expires, expired after it: AccessDenied", () => {
      expect(verify(url, at("20130524T000100Z")).ok).toBe(true);
      expect(outcome(url, at("20130524T000101Z"))).toEqual({
        status: 403,
        code: "AccessDenied",
        message: "Request has expired",
        details: { "X-Amz-Expires": "60", Expires: "2013-05-24T00:01:00Z", ServerTime: "2013-05-24T00:01:01Z" },
      });
    });

    it("dated more than 15 minutes ahead: AccessDenied, not yet valid", () => {
      expect(outcome(url, at("20130523T234459Z"))).toEqual({
        status: 403,
        code: "AccessDenied",
        message: "Request is not yet valid",
        details: { "X-Amz-Date": "20130524T000000Z", ServerTime: "2013-05-23T23:44:59Z" },
      });
    });

    it("X-Amz-Expires over 7 days, negative or not a number: AuthorizationQueryParametersError", () => {
      expect(outcome(replace("X-Amz-Expires=60", "X-Amz-Expires=604801"))).toEqual(
        parameters("X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds"),
      );
      expect(outcome(replace("X-Amz-Expires=60", "X-Amz-Expires=-1"))).toEqual(parameters("X-Amz-Expires must be non-negative"));
      expect(outcome(replace("X-Amz-Expires=60", "X-Amz-Expires=1h"))).toEqual(parameters("X-Amz-Expires should be a number"));
    });

    it.each(["Algorithm", "Credential", "Signature", "Date", "SignedHeaders", "Expires"])("without X-Amz-%s: AuthorizationQueryParametersError", (name) => {
      expect(outcome(replace(new RegExp(`&?X-Amz-${name}=[^&]*`), ""))).toEqual(
        parameters("Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters."),
      );
    });

    it("another algorithm, an X-Amz-Date in another format: AuthorizationQueryParametersError", () => {
      expect(outcome(replace("X-Amz-Algorithm=AWS4-HMAC-SHA256", "X-Amz-Algorithm=AWS4-HMAC-SHA1"))).toEqual(parameters('X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"'));
      expect(outcome(replace("X-Amz-Date=20130524T000000Z", "X-Amz-Date=2013-05-24T00%3A00%3A00Z"))).toEqual(parameters(`X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd'T'HHmmss'Z'"`));
    });

    it("a presigning parameter given twice, in any case or encoding: AuthorizationQueryParametersError, though signed over both", () => {
      // A URL presigned for 60 s that carries a second X-Amz-Expires: a verifier that read that one would accept it for 7 days.
      const signedWith = (extra: string): VerifyRequest => {
        const credential = encodeURIComponent(`${AKID}/20130524/us-east-1/s3/aws4_request`);
        const query = `${extra}&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${credential}&X-Amz-Date=20130524T000000Z&X-Amz-Expires=60&X-Amz-SignedHeaders=host`;
        const creq = ["GET", "/test.txt", canonicalQueryOf(query), "host:examplebucket.s3.amazonaws.com", "", "host", "UNSIGNED-PAYLOAD"].join("\n");
        return { ...url, url: `/test.txt?${query}&X-Amz-Signature=${nodeSignature(creq, "20130524T000000Z", SECRET, "us-east-1", "s3")}` };
      };
      expect(verify(signedWith("x-amz-meta=604800"), at("20130524T000100Z")).ok).toBe(true);
      for (const extra of ["x-amz-expires=604800", "X-Amz-%45xpires=604800", "X-Amz-Expires=604800"]) {
        expect(outcome(signedWith(extra), at("20130524T000100Z")), extra).toEqual(parameters("X-Amz-Expires must appear only once in the query string"));
      }
      expect(outcome(replace("X-Amz-Date=", "x-amz-date=20130524T000000Z&X-Amz-Date="))).toEqual(parameters("X-Amz-Date must appear only once in the query string"));
      expect(outcome(replace("&X-Amz-Signature=", "&X-Amz-Signature=00&X-Amz-Signature="))).toEqual(parameters("X-Amz-Signature must appear only once in the query string"));
    });

    it("an x-amz-* header sent beside the URL but not signed: AccessDenied", () => {
      expect(outcome({ ...url, headers: { ...url.headers, "x-amz-meta-size": "1" } })).toMatchObject({ code: "AccessDenied", details: { HeadersNotSigned: "x-amz-meta-size" } });
    });
  });
});

describe("signature comparison", () => {
  it("compares equal strings equal and any difference, or another length, unequal", () => {
    const a = "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41";
    expect(constantTimeEqual(a, a)).toBe(true);
    expect(constantTimeEqual(a, hexMutate(a, 63))).toBe(false);
    expect(constantTimeEqual(a, a.slice(1))).toBe(false);
  });

  it("accepts the signature's hex digits in upper case, as S3 does", () => {
    const signed = sign({ url: "https://example.amazonaws.com/" }, { credentials, region: "us-east-1", service: "service", date: "20150830T123600Z" });
    const authorization = signed.authorization.replace(signed.signature, signed.signature.toUpperCase());
    expect(verify({ ...received(signed), headers: { ...signed.headers, authorization } }, options({ now: "20150830T123600Z" })).ok).toBe(true);
  });
});

describe("arguments of the wrong type (a programming error) throw", () => {
  it("names the argument", () => {
    expect(() => verify(null as unknown as VerifyRequest, options())).toThrow(TypeError);
    expect(() => verify({ method: "GET", url: "/", headers: {}, body: {} as unknown as string }, options())).toThrow(/request\.body/);
    expect(() => verify({ method: "GET", url: "/", headers: {} }, { getCredentials: undefined as unknown as () => undefined })).toThrow(/getCredentials/);
    expect(() => verify({ method: "GET", url: "/", headers: {} }, options({ maxSkewSeconds: -1 }))).toThrow(/maxSkewSeconds/);
    expect(() => verify({ method: "GET", url: "/", headers: {} }, options({ regions: [] }))).toThrow(/regions/);
  });
});
