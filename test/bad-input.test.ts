// Bad input: one test per rule. Each asserts that signing throws a SigningError with the exact
// code and field, that nothing is returned (no signature is produced), and that neither the
// message, the stack, String(error) nor JSON.stringify(error) contains the secret access key.

import { describe, it, expect } from "vitest";
import { createHash } from "node:crypto";
import { sign, presign, Signer, SigningError, type SigningErrorCode } from "../bindings/index.js";
import type { SignOptions, PresignOptions } from "../bindings/settings.js";
import { verify } from "../bindings/verify/verify.js";

/** A secret that is easy to spot anywhere it leaks to. */
const SECRET = "LEAKCANARY/wJalrXUtnFEMI/K7MDENG+bPxRfiCY-SECRET";
const CREDENTIALS = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: SECRET };
const DATE = "20150830T123600Z";
const URL_API = "https://example.amazonaws.com/";
const URL_S3 = "https://bucket.s3.us-east-1.amazonaws.com/key";

const api = (extra: Partial<PresignOptions> = {}): PresignOptions => ({ credentials: CREDENTIALS, region: "us-east-1", service: "iam", date: DATE, ...extra });
const s3 = (extra: Partial<PresignOptions> = {}): PresignOptions => ({ credentials: CREDENTIALS, region: "us-east-1", service: "s3", date: DATE, ...extra });

const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

type Call = () => unknown;

/** The call throws a SigningError(code, field), returns nothing, and leaks no secret. */
function expectRejected(call: Call, code: SigningErrorCode, field: string): SigningError {
  expect(call).toThrow(SigningError);
  let result: unknown;
  let error: unknown;
  try {
    result = call();
  } catch (e) {
    error = e;
  }
  expect(result, "no signature may be produced").toBeUndefined();
  expect(error).toBeInstanceOf(SigningError);
  const e = error as SigningError;
  expect({ code: e.code, field: e.field }).toEqual({ code, field });
  expect(e.name).toBe("SigningError");
  for (const text of [e.message, String(e), String(e.stack), JSON.stringify(e), JSON.stringify(Object.getOwnPropertyDescriptors(e))]) {
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain("LEAKCANARY");
  }
  return e;
}

/** The same bad input through every entry point: sign, presign and a Signer's methods. */
function everyEntryPoint(request: Parameters<typeof sign>[0], options: PresignOptions, which: ("sign" | "presign")[] = ["sign", "presign"]): Call[] {
  const calls: Call[] = [];
  if (which.includes("sign")) calls.push(() => sign(request, options as SignOptions));
  if (which.includes("presign")) calls.push(() => presign(request, options));
  const { date, ...config } = options;
  let signer: Signer | undefined;
  try {
    signer = new Signer(config);
  } catch {
    // options the constructor already rejects are covered by the options tests
  }
  if (signer !== undefined) {
    const s = signer;
    if (which.includes("sign")) calls.push(() => s.sign(request, { date }));
    if (which.includes("presign")) calls.push(() => s.presign(request, { date }));
  }
  return calls;
}

function rejectsEverywhere(request: Parameters<typeof sign>[0], options: PresignOptions, code: SigningErrorCode, field: string, which?: ("sign" | "presign")[]): void {
  for (const call of everyEntryPoint(request, options, which)) expectRejected(call, code, field);
}

// -----------------------------------------------------------------------------------------------

describe("header names must be RFC 9110 tokens (InvalidHeaderName)", () => {
  it.each([
    ["a space", "x a", 'headers["x a"]'],
    ["a colon", "x:a", 'headers["x:a"]'],
    ["empty", "", 'headers[""]'],
    ["non-ASCII", "café", 'headers["café"]'],
    ["a tab", "x\ta", 'headers["x\\ta"]'],
    ["a bracket", "x(a)", 'headers["x(a)"]'],
    // A name that long is not quoted at all: it may be a secret given in the wrong place.
    ["40 characters with a '/'", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "headers[40 characters]"],
  ])("%s: %j", (_what, name, field) => {
    rejectsEverywhere({ url: URL_API, headers: [[name, "v"]] }, api(), "InvalidHeaderName", field);
    rejectsEverywhere({ url: URL_API, headers: { [name]: "v" } }, api(), "InvalidHeaderName", field);
  });
});

describe("header values: single line, printable ASCII (InvalidHeaderValue)", () => {
  it.each([
    ["CR", "a\rb"],
    ["LF", "a\nb"],
    ["CRLF with folding", "a\r\n  b"],
    ["trailing LF", "value\n"],
  ])("%s is rejected", (_what, value) => {
    const e = expectRejected(() => sign({ url: URL_API, headers: { "X-Amz-Meta-A": value } }, api()), "InvalidHeaderValue", "headers.x-amz-meta-a");
    expect(e.message).toMatch(/CR or LF/);
    rejectsEverywhere({ url: URL_API, headers: [["x-amz-meta-a", value]] }, api(), "InvalidHeaderValue", "headers.x-amz-meta-a");
  });

  it.each([
    ["NUL", "a\x00b"],
    ["SOH", "\x01"],
    ["vertical tab", "a\x0bb"],
    ["form feed", "a\x0cb"],
    ["unit separator", "a\x1f"],
    ["DEL", "a\x7fb"],
  ])("other control characters: %s", (_what, value) => {
    const e = expectRejected(() => sign({ url: URL_API, headers: { "x-amz-meta-a": value } }, api()), "InvalidHeaderValue", "headers.x-amz-meta-a");
    expect(e.message).toMatch(/control character/);
    rejectsEverywhere({ url: URL_API, headers: { "x-amz-meta-a": value } }, api(), "InvalidHeaderValue", "headers.x-amz-meta-a");
  });

  it.each([
    ["Latin-1", "café"],
    ["no-break spaces (h-nbsp)", "a\u00a0\u00a0b"],
    ["emoji", "\u{1F600}"],
    ["a lone surrogate", "a\ud800"],
  ])("non-ASCII: %s, with a message saying AWS rejects them", (_what, value) => {
    const e = expectRejected(() => sign({ url: URL_API, headers: { "x-amz-meta-a": value } }, api()), "InvalidHeaderValue", "headers.x-amz-meta-a");
    expect(e.message).toMatch(/non-ASCII/);
    expect(e.message).toMatch(/AWS rejects/);
    rejectsEverywhere({ url: URL_API, headers: { "x-amz-meta-a": value } }, api(), "InvalidHeaderValue", "headers.x-amz-meta-a");
  });

  it.each([
    ["an object", {}],
    ["a boolean", true],
    ["null", null],
    ["NaN", NaN],
    ["Infinity", Infinity],
  ])("a value that is not a string or finite number: %s", (_what, value) => {
    rejectsEverywhere({ url: URL_API, headers: { "x-amz-meta-a": value as unknown as string } }, api(), "InvalidHeaderValue", "headers.x-amz-meta-a");
  });
});

describe("header pairs and names of the wrong type", () => {
  it.each([["null", null], ["undefined", undefined], ["a string", "x-a"]])("a pair that is %s (InvalidHeaderName, field headers)", (_what, pair) => {
    rejectsEverywhere({ url: URL_API, headers: [pair] as unknown as [string, string][] }, api(), "InvalidHeaderName", "headers");
  });

  it("a name that cannot be turned into a string is named by its type", () => {
    rejectsEverywhere({ url: URL_API, headers: new Map([[Object.create(null), "v"]]) as unknown as Map<string, string> }, api(), "InvalidHeaderName", "headers[object]");
    rejectsEverywhere({ url: URL_API, headers: [[42, "v"]] as unknown as [string, string][] }, api(), "InvalidHeaderName", "headers[number]");
  });
});

describe("malformed percent-escapes (InvalidPercentEncoding)", () => {
  it.each(["a=%zz", "a=%", "a=%4", "%zz=1", "a=1&b=%4g", "a=%%41"])("in the query: ?%s", (query) => {
    // given as a URL string (WHATWG keeps a stray '%' as it is) and as a raw request target
    rejectsEverywhere({ url: URL_API + "?" + query }, api(), "InvalidPercentEncoding", "url.query");
    rejectsEverywhere({ url: URL_API, path: "/?" + query }, api(), "InvalidPercentEncoding", "url.query");
    rejectsEverywhere({ url: URL_S3 + "?" + query }, s3(), "InvalidPercentEncoding", "url.query");
  });

  it.each(["/a%zz", "/a%", "/a%4", "/%g0/b", "/a/%2"])("in an S3 path (single encoding decodes each escape): %s", (path) => {
    rejectsEverywhere({ url: "https://bucket.s3.us-east-1.amazonaws.com" + path }, s3(), "InvalidPercentEncoding", "url.path");
    rejectsEverywhere({ url: "https://bucket.s3.us-east-1.amazonaws.com", path }, s3(), "InvalidPercentEncoding", "url.path");
    // uriEncoding 'single' on another service follows the same rule
    rejectsEverywhere({ url: URL_API.slice(0, -1), path }, api({ uriEncoding: "single" }), "InvalidPercentEncoding", "url.path");
  });
});

describe("expiresIn: a whole number of seconds from 1 to 604800 (InvalidExpires)", () => {
  it.each([
    ["0", 0],
    ["-1", -1],
    ["1.5", 1.5],
    ["604801", 604801],
    ["a string", "900"],
    ["NaN", NaN],
    ["Infinity", Infinity],
  ])("%s is rejected", (_what, expiresIn) => {
    const options = api({ expiresIn: expiresIn as number });
    expectRejected(() => presign({ url: URL_API }, options), "InvalidExpires", "options.expiresIn");
    expectRejected(() => new Signer(options), "InvalidExpires", "options.expiresIn");
    const signer = new Signer(api());
    expectRejected(() => signer.presign({ url: URL_API }, { expiresIn: expiresIn as number }), "InvalidExpires", "options.expiresIn");
  });

  it.each([1, 900, 604800])("%d is accepted", (expiresIn) => {
    const p = presign({ url: URL_API }, api({ expiresIn }));
    expect(new URL(p.url).searchParams.get("X-Amz-Expires")).toBe(String(expiresIn));
    expect(p.expiresAt.getTime()).toBe(Date.UTC(2015, 7, 30, 12, 36, 0) + expiresIn * 1000);
  });
});

describe("dates that do not parse (InvalidDate)", () => {
  it.each([
    ["February 30th", "2015-02-30T00:00:00Z"],
    ["month 13", "20151330T000000Z"],
    ["hour 25", "20150830T250000Z"],
    ["a word", "yesterday"],
    ["no zone", "2015-08-30T12:36:00"],
    ["an offset", "2015-08-30T12:36:00+02:00"],
    ["empty string", ""],
    ["NaN", NaN],
    ["Infinity", Infinity],
    ["an invalid Date", new Date("not a date")],
    ["a plain object", {}],
    ["null", null],
    ["a year beyond 9999", Date.UTC(10000, 0, 1)],
    ["a year before 1000", "09990830T123600Z"],
    // Date.UTC maps years 0-99 to 1900-1999: these must not sign as 1950
    ["year 0050 (basic)", "00500830T123600Z"],
    ["year 0050 (extended)", "0050-08-30T12:36:00Z"],
    ["year 0000", "00000101T000000Z"],
  ])("%s", (_what, date) => {
    rejectsEverywhere({ url: URL_API }, api({ date: date as unknown as string }), "InvalidDate", "options.date");
  });
});

describe("credentials (InvalidCredentials)", () => {
  it.each([
    ["missing credentials", undefined, "options.credentials"],
    ["credentials not an object", "AKIDEXAMPLE:" + SECRET, "options.credentials"],
    ["no accessKeyId", { secretAccessKey: SECRET }, "options.credentials.accessKeyId"],
    ["empty accessKeyId", { accessKeyId: "", secretAccessKey: SECRET }, "options.credentials.accessKeyId"],
    ["accessKeyId with '/'", { accessKeyId: "AKID/EXAMPLE", secretAccessKey: SECRET }, "options.credentials.accessKeyId"],
    ["accessKeyId with ','", { accessKeyId: "AKID,EXAMPLE", secretAccessKey: SECRET }, "options.credentials.accessKeyId"],
    ["accessKeyId with a space", { accessKeyId: "AKID EXAMPLE", secretAccessKey: SECRET }, "options.credentials.accessKeyId"],
    ["no secret", { accessKeyId: "AKIDEXAMPLE" }, "options.credentials.secretAccessKey"],
    ["empty secret", { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "" }, "options.credentials.secretAccessKey"],
    ["secret not a string", { accessKeyId: "AKIDEXAMPLE", secretAccessKey: 42 }, "options.credentials.secretAccessKey"],
    ["token not a string", { ...CREDENTIALS, sessionToken: 42 }, "options.credentials.sessionToken"],
    ["empty token", { ...CREDENTIALS, sessionToken: "" }, "options.credentials.sessionToken"],
    ["token with a newline", { ...CREDENTIALS, sessionToken: "tok\nen" }, "options.credentials.sessionToken"],
    ["token with non-ASCII", { ...CREDENTIALS, sessionToken: "tokén" }, "options.credentials.sessionToken"],
  ])("%s", (_what, credentials, field) => {
    const options = api({ credentials: credentials as PresignOptions["credentials"] });
    rejectsEverywhere({ url: URL_API }, options, "InvalidCredentials", field);
    expectRejected(() => new Signer(options), "InvalidCredentials", field);
  });
});

/** A view made by `view` of a buffer then detached (transferred), as a worker's postMessage leaves it. */
function detachedView(view: (buffer: ArrayBuffer) => unknown): unknown {
  const buffer = new ArrayBuffer(8);
  const out = view(buffer);
  structuredClone(buffer, { transfer: [buffer] });
  return out;
}

describe("verify() and a detached body", () => {
  it("is a TypeError naming request.body, as every bad argument of verify() is", () => {
    for (const body of [detachedView((b) => b), detachedView((b) => new Uint8Array(b))]) {
      expect(() => verify({ method: "PUT", url: "/", headers: {}, body: body as Uint8Array }, { getCredentials: () => undefined })).toThrow(/^"request.body" is a detached buffer/);
    }
  });
});

describe("bodies that cannot be hashed (InvalidBody)", () => {
  const bodies: [string, () => unknown][] = [
    ["a detached ArrayBuffer", () => detachedView((b) => b)],
    // A view of a detached buffer reads as empty: it must not be signed as an empty body.
    ["a Uint8Array of a detached buffer", () => detachedView((b) => new Uint8Array(b))],
    ["a Uint16Array of a detached buffer", () => detachedView((b) => new Uint16Array(b))],
    ["a DataView of a detached buffer", () => detachedView((b) => new DataView(b))],
    ["a ReadableStream", () => new ReadableStream()],
    ["a plain object", () => ({ a: 1, secret: SECRET })],
    ["a number", () => 42],
    ["a boolean", () => true],
    ["an array of numbers", () => [1, 2, 3]],
  ];

  it.each(bodies)("%s is rejected when the payload is signed", (_what, body) => {
    rejectsEverywhere({ method: "PUT", url: URL_API, body: body() }, api(), "InvalidBody", "body");
    rejectsEverywhere({ method: "PUT", url: URL_API, body: body() }, api({ payload: "sign" }), "InvalidBody", "body");
    // S3 header signing hashes the body by default; S3 presigning does not (below)
    rejectsEverywhere({ method: "PUT", url: URL_S3, body: body() }, s3(), "InvalidBody", "body", ["sign"]);
  });

  it.each(bodies)("%s is accepted with payload 'unsigned' or { sha256 }", (_what, body) => {
    const hash = sha256("streamed elsewhere");
    for (const [payload, expected] of [
      ["unsigned", "UNSIGNED-PAYLOAD"],
      [{ sha256: hash }, hash],
    ] as const) {
      const signed = sign({ method: "PUT", url: URL_API, body: body() }, api({ payload }));
      expect(signed.canonicalRequest.split("\n").pop()).toBe(expected);
      expect(signed.signature).toMatch(/^[0-9a-f]{64}$/);
      const presigned = presign({ method: "PUT", url: URL_API, body: body() }, api({ payload }));
      expect(presigned.canonicalRequest.split("\n").pop()).toBe(expected);
    }
    // S3 presigning defaults to UNSIGNED-PAYLOAD, so the body is never read
    expect(presign({ method: "PUT", url: URL_S3, body: body() }, s3()).canonicalRequest.split("\n").pop()).toBe("UNSIGNED-PAYLOAD");
  });
});

describe("payload option (InvalidOption)", () => {
  it.each([
    ["not hex", "not-a-hash"],
    ["upper-case hex", sha256("x").toUpperCase()],
    ["63 digits", sha256("x").slice(1)],
    ["65 digits", sha256("x") + "0"],
    ["empty", ""],
    ["a lower-case marker", "unsigned-payload"],
    ["a number", 42],
  ])("payload.sha256 %s", (_what, value) => {
    rejectsEverywhere({ url: URL_API, body: "x" }, api({ payload: { sha256: value as string } }), "InvalidOption", "options.payload.sha256");
  });

  it.each([["a word", "hash"], ["upper case", "UNSIGNED"], ["a number", 1], ["null", null]])("payload %s", (_what, payload) => {
    rejectsEverywhere({ url: URL_API }, api({ payload: payload as "sign" }), "InvalidOption", "options.payload");
    // With a body too, which the core would otherwise hash in the signing call, and with a body it cannot hash.
    rejectsEverywhere({ method: "POST", url: URL_API, body: "x" }, api({ payload: payload as "sign" }), "InvalidOption", "options.payload");
    rejectsEverywhere({ method: "POST", url: URL_API, body: 123 as unknown as string }, api({ payload: payload as "sign" }), "InvalidOption", "options.payload");
  });
});

describe("x-amz-content-sha256 header", () => {
  it("that is not the hash of the body (PayloadHashMismatch)", () => {
    const headers = { "x-amz-content-sha256": sha256("some other body") };
    rejectsEverywhere({ method: "PUT", url: URL_API, headers, body: "the body" }, api(), "PayloadHashMismatch", "headers.x-amz-content-sha256");
    rejectsEverywhere({ method: "PUT", url: URL_S3, headers, body: new TextEncoder().encode("the body") }, s3(), "PayloadHashMismatch", "headers.x-amz-content-sha256");
    // the empty body hashes to EMPTY_SHA256, not to another body's hash
    rejectsEverywhere({ method: "PUT", url: URL_API, headers, body: "" }, api(), "PayloadHashMismatch", "headers.x-amz-content-sha256");
    // and the matching hash is accepted
    const ok = { "x-amz-content-sha256": sha256("the body") };
    expect(sign({ method: "PUT", url: URL_API, headers: ok, body: "the body" }, api()).canonicalRequest.endsWith("\n" + sha256("the body"))).toBe(true);
  });

  it.each([["not hex", "abc"], ["upper-case hex", sha256("x").toUpperCase()], ["an unknown marker", "UNSIGNED"]])("that is malformed: %s (InvalidOption)", (_what, value) => {
    rejectsEverywhere({ url: URL_API, headers: { "X-Amz-Content-Sha256": value } }, api(), "InvalidOption", "headers.x-amz-content-sha256");
  });
});

describe("region and service (InvalidOption)", () => {
  it.each([
    ["empty", ""],
    ["a slash", "us/east"],
    ["a space", "us east"],
    ["a newline", "us-east-1\n"],
    ["non-ASCII", "eu-wést-1"],
    ["not a string", 1],
    ["missing", undefined],
  ])("%s", (_what, value) => {
    for (const name of ["region", "service"] as const) {
      const options = api({ [name]: value as string });
      rejectsEverywhere({ url: URL_API }, options, "InvalidOption", `options.${name}`);
      expectRejected(() => new Signer(options), "InvalidOption", `options.${name}`);
    }
  });
});

describe("other options (InvalidOption)", () => {
  it.each(["triple", "DOUBLE", "", "none"])("uriEncoding %j", (value) => {
    const options = api({ uriEncoding: value as "double" });
    rejectsEverywhere({ url: URL_API }, options, "InvalidOption", "options.uriEncoding");
    expectRejected(() => new Signer(options), "InvalidOption", "options.uriEncoding");
  });

  it.each(["hidden", "Signed", "", "header"])("sessionToken %j", (value) => {
    const options = api({ credentials: { ...CREDENTIALS, sessionToken: "token" }, sessionToken: value as "signed" });
    rejectsEverywhere({ url: URL_API }, options, "InvalidOption", "options.sessionToken");
    expectRejected(() => new Signer(options), "InvalidOption", "options.sessionToken");
  });

  it("normalizePath and contentSha256Header must be booleans", () => {
    rejectsEverywhere({ url: URL_API }, api({ normalizePath: "yes" as unknown as boolean }), "InvalidOption", "options.normalizePath");
    expectRejected(() => sign({ url: URL_API }, { ...api(), contentSha256Header: 1 as unknown as boolean }), "InvalidOption", "options.contentSha256Header");
  });

  it("contentSha256Header cannot be turned off for a payload marker, which only that header declares", () => {
    for (const payload of ["unsigned", { sha256: "STREAMING-AWS4-HMAC-SHA256-PAYLOAD" }] as const) {
      const off = { ...api({ payload }), contentSha256Header: false };
      expectRejected(() => sign({ url: URL_API }, off), "InvalidOption", "options.contentSha256Header");
      expectRejected(() => new Signer(off), "InvalidOption", "options.contentSha256Header");
      expectRejected(() => new Signer(api()).sign({ url: URL_API }, { payload, contentSha256Header: false }), "InvalidOption", "options.contentSha256Header");
    }
    // A hash needs no declaration: a service hashes the body itself.
    const signed = sign({ url: URL_API, body: "b" }, { ...api({ payload: { sha256: sha256("b") } }), contentSha256Header: false });
    expect(signed.headers["x-amz-content-sha256"]).toBeUndefined();
  });

  it("contentSha256Header cannot be turned off for S3, which requires the header, whatever the payload", () => {
    for (const payload of [undefined, "sign", "unsigned", { sha256: sha256("") }] as const) {
      const off = { ...s3({ payload }), contentSha256Header: false };
      expectRejected(() => sign({ url: URL_S3 }, off), "InvalidOption", "options.contentSha256Header");
      expectRejected(() => new Signer(s3()).sign({ url: URL_S3 }, { payload, contentSha256Header: false }), "InvalidOption", "options.contentSha256Header");
    }
  });

  it("service 's3-express' is refused: S3 Express One Zone signs as 's3express'", () => {
    rejectsEverywhere({ url: URL_S3 }, s3({ service: "s3-express" }), "InvalidOption", "options.service");
    expect(() => sign({ url: URL_S3 }, s3({ service: "s3express" }))).not.toThrow();
  });

  it("unsignedHeaders and signedHeaders must be arrays of names", () => {
    rejectsEverywhere({ url: URL_API }, api({ unsignedHeaders: "x-a" as unknown as string[] }), "InvalidOption", "options.unsignedHeaders");
    rejectsEverywhere({ url: URL_API }, api({ signedHeaders: [1 as unknown as string] }), "InvalidOption", "options.signedHeaders");
  });

  it("options must be an object", () => {
    expectRejected(() => sign({ url: URL_API }, null as unknown as SignOptions), "InvalidOption", "options");
    expectRejected(() => presign({ url: URL_API }, "opts" as unknown as PresignOptions), "InvalidOption", "options");
    const signer = new Signer({ credentials: CREDENTIALS, region: "us-east-1", service: "iam" });
    expectRejected(() => signer.sign({ url: URL_API }, null as unknown as SignOptions), "InvalidOption", "options");
    expectRejected(() => signer.presign({ url: URL_API }, 42 as unknown as PresignOptions), "InvalidOption", "options");
  });

  it.each([0, -1, 1.5, "5", null])("a Signer's cacheSize %j (InvalidOption)", (cacheSize) => {
    expectRejected(() => new Signer({ credentials: CREDENTIALS, region: "us-east-1", service: "iam", cacheSize: cacheSize as number }), "InvalidOption", "options.cacheSize");
  });

  it.each(["", "   ", "\t"])("a session token without a visible character: %j (InvalidCredentials)", (sessionToken) => {
    rejectsEverywhere({ url: URL_API }, api({ credentials: { ...CREDENTIALS, sessionToken } }), "InvalidCredentials", "options.credentials.sessionToken");
  });
});

describe("method (InvalidMethod)", () => {
  it.each([
    ["a space", "GE T"],
    ["empty", ""],
    ["CRLF", "GET\r\n"],
    ["non-ASCII", "GÉT"],
    ["a colon", "GET:"],
    ["a slash", "GET/"],
    ["not a string", 42],
  ])("%s", (_what, method) => {
    rejectsEverywhere({ method: method as string, url: URL_API }, api(), "InvalidMethod", "method");
  });
});

describe("URL (InvalidUrl)", () => {
  it.each([
    ["not a URL", "not a url", "url"],
    ["relative", "/relative/path", "url"],
    ["empty", "", "url"],
    ["no host", "mailto:someone@example.com", "url"],
    ["not a string", 42, "url"],
    ["missing", undefined, "url"],
    ["another scheme", "ftp://example.amazonaws.com/", "url"],
    ["a user name and password", "https://user:pass@example.amazonaws.com/", "url"],
    ["a user name", "https://user@example.amazonaws.com/", "url"],
  ])("%s", (_what, url, field) => {
    rejectsEverywhere({ url: url as string }, api(), "InvalidUrl", field);
  });

  it("the request itself must be an object", () => {
    rejectsEverywhere(null as unknown as Parameters<typeof sign>[0], api(), "InvalidUrl", "request");
    rejectsEverywhere("https://example.amazonaws.com/" as unknown as Parameters<typeof sign>[0], api(), "InvalidUrl", "request");
  });

  it.each([
    ["CR", "/a\rb"],
    ["LF", "/a?b=\n"],
    ["NUL", "/a\x00b"],
    ["DEL", "/a?b=\x7f"],
    ["no leading '/'", "a/b"],
    ["an absolute URL", "https://example.amazonaws.com/"],
    ["not a string", 42],
  ])("a raw path with %s", (_what, path) => {
    rejectsEverywhere({ url: URL_API, path: path as string }, api(), "InvalidUrl", "path");
  });
});

describe("the secret never leaks into errors", () => {
  it("even when it is passed where it does not belong", () => {
    // a secret pasted into the access key id, the token or a header value is not echoed
    expectRejected(() => sign({ url: URL_API }, api({ credentials: { accessKeyId: SECRET, secretAccessKey: SECRET } })), "InvalidCredentials", "options.credentials.accessKeyId");
    expectRejected(() => sign({ url: URL_API }, api({ credentials: { ...CREDENTIALS, sessionToken: SECRET + "\n" } })), "InvalidCredentials", "options.credentials.sessionToken");
    expectRejected(() => sign({ url: URL_API, headers: { "x-amz-meta-a": SECRET + "\r\n" } }, api()), "InvalidHeaderValue", "headers.x-amz-meta-a");
    expectRejected(() => sign({ url: URL_API, headers: { "x-amz-meta-a": SECRET + "é" } }, api()), "InvalidHeaderValue", "headers.x-amz-meta-a");
    expectRejected(() => sign({ url: URL_API + "?k=" + encodeURIComponent(SECRET) + "%zz" }, api()), "InvalidPercentEncoding", "url.query");
    expectRejected(() => sign({ url: URL_API, body: { secret: SECRET } }, api()), "InvalidBody", "body");
    expectRejected(() => sign({ url: URL_API }, api({ region: SECRET })), "InvalidOption", "options.region");
    expectRejected(() => sign({ url: URL_API }, api({ date: SECRET })), "InvalidDate", "options.date");
    expectRejected(() => sign({ method: SECRET, url: URL_API }, api()), "InvalidMethod", "method");
  });
});
