// What OUR signer does on every row of ../shared/research/signer-behaviour-matrix.md (how seven
// real signers disagree on tricky inputs). Rows are written inline as data; each asserts the part
// of the canonical request the row is about. Rows where we deliberately differ from awscrt /
// smithy carry a comment saying why.
//
// Each row's request target is given to the signer two ways: as a URL string (parsed by WHATWG
// URL, i.e. what fetch and node:http put on the wire) and as a raw request target
// ({url: origin, path}). Where the two differ (WHATWG resolves dot segments and percent-encodes
// raw non-ASCII before sending), the row says so with `fromUrl`.

import { describe, it, expect } from "vitest";
import { createHash } from "node:crypto";
import { sign, presign, SigningError, type SigningErrorCode } from "../bindings/index.js";
import type { PresignOptions, Credentials } from "../bindings/settings.js";
import type { HttpRequest } from "../bindings/request.js";

const DATE = "20150830T123600Z";
const CREDENTIALS: Credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
const EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

const API = { host: "example.execute-api.us-east-1.amazonaws.com", service: "execute-api" };
const S3 = { host: "bucket.s3.us-east-1.amazonaws.com", service: "s3" };

/** The canonical-request parts a row can assert. `headers`: the canonical header lines other than host and x-amz-date (the matrix's "hdrs"). */
interface Parts {
  method?: string;
  path?: string;
  query?: string;
  /** presign: the query without the X-Amz-* signing parameters */
  userQuery?: string;
  headers?: string;
  signedHeaders?: string;
  host?: string;
  payload?: string;
}

interface Row {
  name: string;
  target: { host: string; service: string };
  method?: string;
  /** The request target: path and optional ?query, as in the matrix's input column. */
  raw: string;
  headers?: [string, string][];
  body?: string;
  presign?: boolean;
  options?: Partial<PresignOptions> & { contentSha256Header?: boolean };
  expected: Parts | { error: SigningErrorCode; field: string };
  /** What differs when the target is given as a URL string (WHATWG URL rewrites it first). */
  fromUrl?: Parts;
}

const ROWS: Row[] = [
  // ---- paths, general rules (double encoding, normalisation) -------------------------------
  { name: "api-space", target: API, raw: "/a%20b", expected: { path: "/a%2520b", query: "" } },
  { name: "api-double-slash", target: API, raw: "/a//b", expected: { path: "/a/b", query: "" } },
  { name: "api-dot-segments", target: API, raw: "/a/./b/../c", expected: { path: "/a/c", query: "" } },
  { name: "api-plus-path", target: API, raw: "/a+b", expected: { path: "/a%2Bb", query: "" } },
  { name: "api-tilde-encoded", target: API, raw: "/%7Euser", expected: { path: "/%257Euser", query: "" } },
  { name: "api-star-raw", target: API, raw: "/a*b", expected: { path: "/a%2Ab", query: "" } },
  { name: "api-nonascii-encoded", target: API, raw: "/caf%C3%A9", expected: { path: "/caf%25C3%25A9", query: "" } },
  // A raw target gives /caf%C3%A9 like awscrt/smithy/botocore. From a URL string the path is
  // what WHATWG URL sends (/caf%C3%A9 on the wire), which double-encodes like any escape.
  { name: "api-nonascii-raw", target: API, raw: "/café", expected: { path: "/caf%C3%A9", query: "" }, fromUrl: { path: "/caf%25C3%25A9" } },
  { name: "path-empty", target: API, raw: "", expected: { path: "/", query: "" } },

  // ---- paths, S3 rules (single encoding, no normalisation) ---------------------------------
  { name: "s3-space", target: S3, raw: "/a%20b", expected: { path: "/a%20b", query: "" } },
  { name: "s3-double-slash", target: S3, raw: "/a//b", expected: { path: "/a//b", query: "" } },
  // No normalisation for S3: a raw target keeps its dot segments like every other signer; a URL
  // string never gets to send them (WHATWG URL resolves them, as fetch does).
  { name: "s3-dot-segments", target: S3, raw: "/a/./b/../c", expected: { path: "/a/./b/../c", query: "" }, fromUrl: { path: "/a/c" } },
  // Deliberately unlike awscrt/smithy (verbatim "/a+b"): S3 reads a raw '+' in a path as a space
  // (its own <CanonicalRequest> shows %20 for it), as aws4 signs it; a plus travels as %2B.
  { name: "s3-plus-path", target: S3, raw: "/a+b", expected: { path: "/a%20b", query: "" } },
  { name: "s3-plus-encoded", target: S3, raw: "/a%2Bb", expected: { path: "/a%2Bb", query: "" } },
  // Deliberately unlike awscrt/smithy ("/%7Euser"): %7E decodes to '~', which UriEncode keeps.
  { name: "s3-tilde-encoded", target: S3, raw: "/%7Euser", expected: { path: "/~user", query: "" } },
  // Deliberately unlike awscrt/smithy ("/a*b"): '*' is not unreserved, UriEncode writes %2A.
  { name: "s3-star-raw", target: S3, raw: "/a*b", expected: { path: "/a%2Ab", query: "" } },
  { name: "s3-nonascii-encoded", target: S3, raw: "/caf%C3%A9", expected: { path: "/caf%C3%A9", query: "" } },
  // Deliberately unlike awscrt/smithy ("/café" verbatim): raw UTF-8 is encoded once.
  { name: "s3-nonascii-raw", target: S3, raw: "/café", expected: { path: "/caf%C3%A9", query: "" } },
  // Deliberately unlike awscrt/smithy ("/caf%c3%a9"): escapes are re-encoded with upper-case hex.
  { name: "s3-lowerhex", target: S3, raw: "/caf%c3%a9", expected: { path: "/caf%C3%A9", query: "" } },
  { name: "s3-encoded-slash", target: S3, raw: "/a%2Fb", expected: { path: "/a%2Fb", query: "" } },
  { name: "s3-path-empty", target: S3, raw: "", expected: { path: "/", query: "" } },

  // ---- query ---------------------------------------------------------------------------------
  // Deliberately unlike awscrt/smithy (%2B): AWS reads a query as form-encoded, '+' a space
  // (as URLSearchParams writes it); like go-v2 and aws4 (botocore too when presigning). %2B is a plus.
  { name: "q-plus", target: API, raw: "/?q=a+b", expected: { path: "/", query: "q=a%20b" } },
  { name: "q-plus-encoded", target: API, raw: "/?q=a%2Bb", expected: { path: "/", query: "q=a%2Bb" } },
  { name: "s3-q-plus", target: S3, raw: "/k?response-content-disposition=attachment%3B+filename", expected: { path: "/k", query: "response-content-disposition=attachment%3B%20filename" } },
  { name: "q-space", target: API, raw: "/?q=a%20b", expected: { path: "/", query: "q=a%20b" } },
  { name: "q-star", target: API, raw: "/?s=*", expected: { path: "/", query: "s=%2A" } },
  { name: "q-tilde-enc", target: API, raw: "/?t=%7Ex", expected: { path: "/", query: "t=~x" } },
  { name: "q-repeated-unsorted", target: API, raw: "/?a=2&a=1", expected: { path: "/", query: "a=1&a=2" } },
  {
    name: "s3-q-repeated-presign",
    target: S3,
    raw: "/k?a=2&a=1",
    presign: true,
    expected: {
      path: "/k",
      userQuery: "a=1&a=2",
      // upper-case 'X' sorts before lower-case 'a'
      query:
        "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fs3%2Faws4_request" +
        "&X-Amz-Date=20150830T123600Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&a=1&a=2",
      payload: "UNSIGNED-PAYLOAD",
    },
  },
  { name: "q-no-equals", target: API, raw: "/?acl&b=1", expected: { path: "/", query: "acl=&b=1" } },
  // empty pairs are dropped, like awscrt and smithy
  { name: "q-empty-pair", target: API, raw: "/?a=1&&b=2", expected: { path: "/", query: "a=1&b=2" } },
  { name: "q-equals-in-value", target: API, raw: "/?x=a=b", expected: { path: "/", query: "x=a%3Db" } },
  { name: "q-case", target: API, raw: "/?b=1&B=2&a=3", expected: { path: "/", query: "B=2&a=3&b=1" } },
  { name: "q-reserved-raw", target: API, raw: "/?r=/a:b@c", expected: { path: "/", query: "r=%2Fa%3Ab%40c" } },
  { name: "q-semicolon", target: API, raw: "/?r=a;b", expected: { path: "/", query: "r=a%3Bb" } },
  { name: "q-nonascii-raw", target: API, raw: "/?n=é", expected: { path: "/", query: "n=%C3%A9" } },
  { name: "q-lowerhex", target: API, raw: "/?h=%2f", expected: { path: "/", query: "h=%2F" } },
  // awscrt and smithy fail too; we fail with a SigningError naming the query.
  { name: "q-malformed", target: API, raw: "/?bad=%zz", expected: { error: "InvalidPercentEncoding", field: "url.query" } },
  { name: "q-plus-presign", target: API, raw: "/?q=a+b", presign: true, expected: { path: "/", userQuery: "q=a%20b" } },

  // ---- headers -------------------------------------------------------------------------------
  { name: "h-inner-spaces", target: API, raw: "/", headers: [["X-Amz-Meta-A", "  a   b  "]], expected: { method: "GET", query: "", payload: EMPTY, headers: "x-amz-meta-a:a b" } },
  { name: "h-tab", target: API, raw: "/", headers: [["X-Amz-Meta-A", "a\t\tb"]], expected: { headers: "x-amz-meta-a:a b" } },
  // Deliberately an error (awscrt/smithy sign the bytes): AWS rejects non-ASCII header values.
  { name: "h-nbsp", target: API, raw: "/", headers: [["X-Amz-Meta-A", "a\u00a0\u00a0b"]], expected: { error: "InvalidHeaderValue", field: "headers.x-amz-meta-a" } },
  // Deliberately an error (awscrt/smithy fold it to "a b"): a CR/LF cannot be sent in a header.
  { name: "h-multiline", target: API, raw: "/", headers: [["X-Amz-Meta-A", "a\r\n  b"]], expected: { error: "InvalidHeaderValue", field: "headers.x-amz-meta-a" } },
  { name: "h-empty", target: API, raw: "/", headers: [["X-Amz-Meta-A", ""]], expected: { headers: "x-amz-meta-a:" } },
  // Like awscrt/botocore/go, unlike smithy ("one ,two"): each value is trimmed, then joined.
  { name: "h-dup", target: API, raw: "/", headers: [["X-Amz-Meta-A", " one "], ["X-Amz-Meta-A", "two"]], expected: { headers: "x-amz-meta-a:one,two" } },
  { name: "h-dup-case", target: API, raw: "/", headers: [["X-Amz-Meta-A", "one"], ["x-amz-meta-a", "two"]], expected: { headers: "x-amz-meta-a:one,two" } },
  { name: "h-quoted", target: API, raw: "/", headers: [["X-Amz-Meta-A", '"a   b"']], expected: { headers: 'x-amz-meta-a:"a b"' } },
  { name: "h-prefix-names", target: API, raw: "/", headers: [["X-Amz-Meta-A", "1"], ["X-Amz-Meta-A-B", "2"]], expected: { headers: "x-amz-meta-a:1\nx-amz-meta-a-b:2" } },
  { name: "h-upper-name", target: API, raw: "/", headers: [["X-AMZ-META-UPPER", "v"]], expected: { headers: "x-amz-meta-upper:v" } },
  { name: "h-user-agent", target: API, raw: "/", headers: [["User-Agent", "x/1"]], expected: { headers: "", signedHeaders: "host;x-amz-date" } },
  { name: "h-expect", target: API, raw: "/", headers: [["Expect", "100-continue"]], expected: { headers: "", signedHeaders: "host;x-amz-date" } },
  { name: "h-range", target: API, raw: "/", headers: [["Range", "bytes=0-9"]], expected: { headers: "range:bytes=0-9", signedHeaders: "host;range;x-amz-date" } },
  // Signed, unlike smithy: an end-to-end header (RFC 9110) that changes what is returned.
  { name: "h-cache-control", target: API, raw: "/", headers: [["Cache-Control", "no-cache"]], expected: { headers: "cache-control:no-cache" } },
  // Unsigned, unlike awscrt/botocore/go: a hop-by-hop header (RFC 9110 §7.6.1) proxies rewrite.
  { name: "h-connection", target: API, raw: "/", headers: [["Connection", "keep-alive"]], expected: { headers: "", signedHeaders: "host;x-amz-date" } },
  { name: "h-content-length-0", target: API, raw: "/", headers: [["Content-Length", "0"]], expected: { headers: "content-length:0" } },
  { name: "h-trace-id", target: API, raw: "/", headers: [["X-Amzn-Trace-Id", "Root=1-abc"]], expected: { headers: "", signedHeaders: "host;x-amz-date" } },
  // A caller's Host header wins over the URL's host (it is what is sent); one host line only.
  {
    name: "h-host-upper",
    target: API,
    raw: "/",
    headers: [["Host", "EXAMPLE.execute-api.us-east-1.amazonaws.com"]],
    expected: { headers: "", signedHeaders: "host;x-amz-date", host: "EXAMPLE.execute-api.us-east-1.amazonaws.com" },
  },

  // ---- method, token, payload --------------------------------------------------------------
  // Upper-cased (like botocore): fetch and node:http send the method upper-case.
  { name: "m-lowercase", target: API, method: "get", raw: "/", expected: { method: "GET", query: "", payload: EMPTY, headers: "" } },
  {
    name: "token",
    target: API,
    raw: "/",
    options: { credentials: { ...CREDENTIALS, sessionToken: "tok/en+==" } },
    expected: { method: "GET", query: "", payload: EMPTY, headers: "x-amz-security-token:tok/en+==" },
  },
  {
    name: "token-presign",
    target: API,
    raw: "/",
    presign: true,
    options: { credentials: { ...CREDENTIALS, sessionToken: "tok/en+==" } },
    expected: {
      method: "GET",
      query:
        "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fexecute-api%2Faws4_request" +
        "&X-Amz-Date=20150830T123600Z&X-Amz-Expires=900&X-Amz-Security-Token=tok%2Fen%2B%3D%3D&X-Amz-SignedHeaders=host",
      payload: EMPTY,
      headers: "",
      signedHeaders: "host",
    },
  },
  {
    name: "unsigned-header",
    target: API,
    method: "PUT",
    raw: "/",
    headers: [["X-Amz-Content-Sha256", "UNSIGNED-PAYLOAD"]],
    expected: { method: "PUT", query: "", payload: "UNSIGNED-PAYLOAD", headers: "x-amz-content-sha256:UNSIGNED-PAYLOAD" },
  },
  {
    name: "s3-unsigned-header",
    target: S3,
    method: "PUT",
    raw: "/k",
    options: { payload: "unsigned" },
    expected: { method: "PUT", query: "", payload: "UNSIGNED-PAYLOAD", headers: "x-amz-content-sha256:UNSIGNED-PAYLOAD" },
  },
  {
    name: "presign-body",
    target: API,
    method: "POST",
    raw: "/",
    body: "x=1",
    presign: true,
    expected: { method: "POST", userQuery: "", payload: createHash("sha256").update("x=1").digest("hex"), headers: "", signedHeaders: "host" },
  },
];

// -----------------------------------------------------------------------------------------------

/** Splits a canonical request into its parts. */
function split(creq: string, presigned: boolean): Required<Parts> {
  const lines = creq.split("\n");
  const blank = lines.indexOf("", 3);
  const headerLines = lines.slice(3, blank);
  const hostLine = headerLines.find((l) => l.startsWith("host:")) ?? "";
  return {
    method: lines[0],
    path: lines[1],
    query: lines[2],
    userQuery: presigned ? lines[2].split("&").filter((p) => p !== "" && !p.startsWith("X-Amz-")).join("&") : lines[2],
    headers: headerLines.filter((l) => !l.startsWith("host:") && !l.startsWith("x-amz-date:")).join("\n"),
    signedHeaders: lines[blank + 1],
    host: hostLine.slice(5),
    payload: lines[blank + 2],
  };
}

function request(row: Row, form: "url" | "path"): HttpRequest {
  const origin = "https://" + row.target.host;
  const base = { method: row.method, headers: row.headers, body: row.body };
  return form === "url" ? { ...base, url: origin + row.raw } : { ...base, url: origin, path: row.raw };
}

function run(row: Row, form: "url" | "path"): string {
  const options = { credentials: CREDENTIALS, region: "us-east-1", service: row.target.service, date: DATE, ...row.options };
  const req = request(row, form);
  return row.presign ? presign(req, options).canonicalRequest : sign(req, options).canonicalRequest;
}

describe("signer-behaviour-matrix rows: our canonical request", () => {
  it("has every row of the matrix", () => {
    // Beside the matrix's 60 rows, a few of our own pin the other side of a deliberate choice.
    const OWN = ["s3-plus-encoded", "q-plus-encoded", "s3-q-plus"];
    expect(ROWS.filter((r) => !OWN.includes(r.name)).length).toBe(60);
    expect(new Set(ROWS.map((r) => r.name)).size).toBe(ROWS.length);
  });

  for (const form of ["url", "path"] as const) {
    describe(form === "url" ? "given a URL string" : "given a raw request target", () => {
      it.each(ROWS.map((r) => [r.name, r] as const))("%s", (_name, row) => {
        if ("error" in row.expected) {
          const { error, field } = row.expected;
          let thrown: unknown;
          let result: unknown;
          try {
            result = run(row, form);
          } catch (e) {
            thrown = e;
          }
          expect(result).toBeUndefined();
          expect(thrown).toBeInstanceOf(SigningError);
          expect({ code: (thrown as SigningError).code, field: (thrown as SigningError).field }).toEqual({ code: error, field });
          return;
        }
        const expected = form === "url" && row.fromUrl ? { ...row.expected, ...row.fromUrl } : row.expected;
        const parts = split(run(row, form), row.presign === true);
        const picked = Object.fromEntries(Object.keys(expected).map((k) => [k, parts[k as keyof Parts]]));
        expect(picked).toEqual(expected);
        // the host line is the URL's host unless the row says otherwise
        if (expected.host === undefined) expect(parts.host).toBe(row.target.host);
        expect(parts.signedHeaders.split(";").filter((h) => h === "host")).toHaveLength(1);
      });
    });
  }

  it("unsigned-header: payload 'unsigned' with contentSha256Header on gives the same canonical request as the declared header", () => {
    const row = ROWS.find((r) => r.name === "unsigned-header") as Row;
    const viaOption = sign(
      { method: "PUT", url: "https://" + API.host + "/" },
      { credentials: CREDENTIALS, region: "us-east-1", service: API.service, date: DATE, payload: "unsigned", contentSha256Header: true },
    );
    expect(viaOption.canonicalRequest).toBe(run(row, "url"));
  });

  it("s3-unsigned-header: a declared UNSIGNED-PAYLOAD header gives the same canonical request as payload 'unsigned'", () => {
    const row = ROWS.find((r) => r.name === "s3-unsigned-header") as Row;
    const viaHeader = sign(
      { method: "PUT", url: "https://" + S3.host + "/k", headers: { "x-amz-content-sha256": "UNSIGNED-PAYLOAD" } },
      { credentials: CREDENTIALS, region: "us-east-1", service: "s3", date: DATE },
    );
    expect(viaHeader.canonicalRequest).toBe(run(row, "url"));
  });
});
