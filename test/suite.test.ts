// Every case of the AWS SigV4 test suite (aws-c-auth layout, ../shared/sigv4-test-suite/v4), signed
// with an Authorization header and presigned, checked at every stage against the suite's own
// files; plus the 3 cases only the legacy suite has and smithy-rs's double-url-encode case.
import { readdirSync } from "node:fs";
import { describe, it, expect, beforeAll } from "vitest";
import { sign, presign, type SignOptions, type HttpRequest } from "../bindings/index.js";
import { useCore } from "../bindings/wasm/instance.js";
import { CORES } from "./cores.js";
import { SHARED, describeShared } from "./shared.js";
import { parseRawRequest, read, readIfExists, headerSet, queryParams, type RawRequest, type Context } from "./suite-files.js";


function toRequest(raw: RawRequest): HttpRequest {
  const host = raw.headers.find(([n]) => n.toLowerCase() === "host")?.[1] ?? "example.amazonaws.com";
  return { method: raw.method, url: `https://${host}`, path: raw.target, headers: raw.headers, body: raw.body };
}

/** The harness settings of aws-c-auth: double encoding, normalisation from context. */
function toOptions(ctx: Context, location: "header" | "query"): SignOptions & { expiresIn: number } {
  return {
    credentials: { accessKeyId: ctx.credentials.access_key_id, secretAccessKey: ctx.credentials.secret_access_key, sessionToken: ctx.credentials.token },
    region: ctx.region,
    service: ctx.service,
    date: ctx.timestamp,
    uriEncoding: "double",
    normalizePath: ctx.normalize,
    payload: "sign",
    contentSha256Header: location === "header" && ctx.sign_body,
    sessionToken: ctx.omit_session_token ? "appended" : "signed",
    expiresIn: ctx.expiration_in_seconds,
  };
}

/** The target (path and query) of a signed URL as the request line carries it. */
function targetOf(url: string): string {
  return url.slice(url.indexOf("/", "https://".length));
}

/** The example credentials every suite case uses, with a case's own scope and time. */
function example(region: string, service: string, date: string): SignOptions {
  return { credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" }, region, service, date };
}

const SUITE = "sigv4-test-suite/v4";

describeShared(SUITE, "AWS SigV4 suite (aws-c-auth v4)", () => {
  const cases = readdirSync(SHARED + SUITE).sort();

  it("has the 38 cases it is documented to have", () => {
    expect(cases).toHaveLength(38);
  });

  describe.each(CORES)("%s core", (_name, module) => {
    beforeAll(() => useCore(module));

    describe.each(cases)("%s", (name) => {
      const dir = `${SHARED}${SUITE}/${name}/`;
      const ctx = JSON.parse(read(dir + "context.json")) as Context;
      const raw = parseRawRequest(read(dir + "request.txt"));

      it("header signing: canonical request, string to sign, signature, signed headers", () => {
        const signed = sign(toRequest(raw), toOptions(ctx, "header"));
        expect(signed.canonicalRequest).toBe(read(dir + "header-canonical-request.txt"));
        expect(signed.stringToSign).toBe(read(dir + "header-string-to-sign.txt"));
        expect(signed.signature).toBe(read(dir + "header-signature.txt").trim());
        const expected = parseRawRequest(read(dir + "header-signed-request.txt"));
        expect(headerSet(Object.entries(signed.headers))).toEqual(headerSet(expected.headers));
        expect(targetOf(signed.url)).toBe(expected.target);
      });

      it("presigning: canonical request, string to sign, signature, URL", () => {
        const presigned = presign(toRequest(raw), toOptions(ctx, "query"));
        expect(presigned.canonicalRequest).toBe(read(dir + "query-canonical-request.txt"));
        expect(presigned.stringToSign).toBe(read(dir + "query-string-to-sign.txt"));
        expect(presigned.signature).toBe(read(dir + "query-signature.txt").trim());
        const expected = parseRawRequest(read(dir + "query-signed-request.txt"));
        const target = targetOf(presigned.url);
        expect(target.split("?")[0]).toBe(expected.target.split("?")[0]);
        expect(queryParams(target)).toEqual(queryParams(expected.target));
      });
    });
  });
});

const LEGACY = "aws4_testsuite";
const LEGACY_ONLY = ["get-vanilla-query-order-key", "get-vanilla-query-order-value", "normalize-path/get-special-character"];

describeShared(LEGACY, "legacy AWS suite: the cases the new suite lacks", () => {
  describe.each(LEGACY_ONLY)("%s", (path) => {
    const base = `${SHARED}${LEGACY}/${path}/${path.split("/").pop()}`;
    it("canonical request, string to sign, Authorization", () => {
      const raw = parseRawRequest(read(base + ".req"));
      const signed = sign(toRequest(raw), example("us-east-1", "service", "20150830T123600Z"));
      expect(signed.canonicalRequest).toBe(read(base + ".creq"));
      expect(signed.stringToSign).toBe(read(base + ".sts"));
      expect(signed.authorization).toBe(read(base + ".authz"));
    });
  });
});

const EXTRAS = "sigv4-test-suite-smithy-extras/v4";

describeShared(EXTRAS, "smithy-rs extra cases", () => {
  it("double-url-encode: an encoded path is encoded again, and the signature matches", () => {
    const dir = `${SHARED}${EXTRAS}/double-url-encode/`;
    const raw = parseRawRequest(read(dir + "request.txt"));
    const signed = sign(toRequest(raw), example("us-east-2", "lambda", "20210511T154045Z"));
    expect(signed.canonicalRequest).toBe(read(dir + "header-canonical-request.txt"));
    expect(signed.stringToSign).toBe(read(dir + "header-string-to-sign.txt").replace(/\n$/, ""));
    const authorization = parseRawRequest(read(dir + "header-signed-request.txt")).headers.find(([n]) => n.toLowerCase() === "authorization");
    expect(signed.authorization).toBe(authorization?.[1].trim());
  });

  it("double-encode-path: the canonical path (the only self-consistent part of the case)", () => {
    const dir = `${SHARED}${EXTRAS}/double-encode-path/`;
    const raw = parseRawRequest(read(dir + "request.txt"));
    const expectedPath = read(dir + "header-canonical-request.txt").split("\n")[1];
    const signed = sign(toRequest(raw), example("us-east-1", "service", "20150830T123600Z"));
    expect(signed.canonicalRequest.split("\n")[1]).toBe(expectedPath);
    expect(readIfExists(dir + "context.json")).toBeUndefined();
  });
});
