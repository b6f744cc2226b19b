// The URL splitter against the WHATWG parser: whenever it answers without parsing, it must give
// exactly what `new URL` gives; typical AWS URLs must take that path.
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { splitUrl, splitPlain } from "../bindings/url.js";
import { SigningError } from "../bindings/errors.js";
import { sign } from "../bindings/index.js";
import { verify } from "../bindings/verify/verify.js";

/** What the splitter must give: new URL's parts, for http and https URLs without user info (others throw). */
function whatwg(url: string) {
  const u = new URL(url);
  if ((u.protocol !== "http:" && u.protocol !== "https:") || u.username !== "" || u.password !== "") throw new Error("refused");
  const origin = `${u.protocol}//${u.host}`;
  // search is "" for both no query and a bare "?": either way the URL sent has no '?'.
  return { origin, host: u.host, path: u.pathname, query: u.search.slice(1), href: origin + u.pathname + u.search };
}

// Pieces chosen to hit every rewrite of the parser: case, IPv4 numbers, punycode, default and
// odd ports, dot segments (plain and encoded), characters it percent-encodes, backslashes,
// fragments, userinfo, whitespace, non-ASCII.
const hostPart = fc.constantFrom("example", "EXAMPLE", "s3", "amazonaws", "com", "xn--nxasmq6b", "0x7f", "127", "1", "a-b", "", "ü", "%41", "a_b", "-a");
const host = fc.array(hostPart, { minLength: 1, maxLength: 4 }).map((labels) => labels.join("."));
const port = fc.constantFrom("", ":443", ":80", ":8443", ":0443", ":", ":65536", ":65535", ":99999", ":1", ":x");
const segment = fc.constantFrom("a", "photos", ".", "..", "%2e", "%2E%2e", ".hidden", "my%20file", "a b", "a\"b", "x#y", "<>", "`", "{}", "\\", "ü", "%", "%zz", "a@b", "a:b", "~user", "a+b", "a=b;c", "\t", "'", "a^b", "a|b", "");
const path = fc.array(segment, { maxLength: 5 }).map((s) => (s.length === 0 ? "" : "/" + s.join("/")));
const queryPart = fc.constantFrom("Action=ListUsers", "Version=2010-05-08", "a=b c", "q='x'", "x=<y>", "k=%20", "empty=", "flag", "", "a=é", "a=\"b\"", "x=`y`", "{a}=1", "a=b#frag", "a=1/2?3");
const query = fc.option(fc.array(queryPart, { maxLength: 4 }).map((parts) => "?" + parts.join("&")), { nil: "" });
const scheme = fc.constantFrom("https://", "http://", "HTTPS://", "ftp://", "https:/", "");
const url = fc.tuple(scheme, host, port, path, query).map((p) => p.join(""));

describe("splitUrl", () => {
  it("agrees with new URL on generated URLs, and fails where it fails", () => {
    fc.assert(
      fc.property(url, (u) => {
        let expected: ReturnType<typeof whatwg> | undefined;
        try {
          expected = whatwg(u);
        } catch {
          expected = undefined;
        }
        if (expected === undefined || expected.host === "") {
          expect(() => splitUrl(u)).toThrow(SigningError);
          return;
        }
        expect(splitUrl(u)).toEqual(expected);
        const plain = splitPlain(u);
        if (plain !== undefined) expect(plain).toEqual(expected);
      }),
      { numRuns: 20000 },
    );
  });

  it.each([
    "https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08",
    "https://kms.us-west-2.amazonaws.com/",
    "https://examplebucket.s3.amazonaws.com/photos/2024/my%20file.jpg?versionId=3%2F2",
    "http://localhost:9000/bucket/key?uploads",
    "https://example.amazonaws.com",
  ])("takes the path without parsing for %s", (u) => {
    expect(splitPlain(u)).toEqual(whatwg(u));
  });

  it("leaves '^' in a path to the runtime's parser, which percent-encodes it since whatwg/url #846 (2025)", () => {
    expect(splitPlain("https://a.example.com/a^b")).toBeUndefined();
    expect(splitUrl("https://a.example.com/a^b")).toEqual(whatwg("https://a.example.com/a^b"));
    expect(splitPlain("https://a.example.com/a?b=^")).toEqual(whatwg("https://a.example.com/a?b=^")); // not in the query's set
  });

  it("accepts URL objects and rejects other types with InvalidUrl", () => {
    expect(splitUrl(new URL("https://a.example/x?y"))).toEqual(whatwg("https://a.example/x?y"));
    expect(() => splitUrl(42 as unknown as string)).toThrow(/url/);
  });
});

describe("splitUrl's reuse of the last split", () => {
  it("gives each URL its own parts when calls alternate, and still refuses a bad URL between good ones", () => {
    const urls = ["https://kms.us-west-2.amazonaws.com/", "https://s3.amazonaws.com/b/k?x=1", "https://EXAMPLE.com/a/../b"];
    for (let round = 0; round < 3; round++) {
      for (const u of urls) expect({ ...splitUrl(u) }).toEqual(whatwg(u));
      expect(() => splitUrl("not a url")).toThrow(SigningError);
      expect({ ...splitUrl(urls[0]) }).toEqual(whatwg(urls[0]));
      expect({ ...splitUrl(urls[0]) }).toEqual(whatwg(urls[0]));
    }
  });
});

describe("inputs past the fast paths' bound (their regular expressions overflow V8's stack past about 8 million characters)", () => {
  const options = { credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" }, region: "us-east-1", service: "kms", date: "20150830T123600Z" };
  const query = "a=b&".repeat(2_200_000) + "a=b";

  it("a 9 MB path and a query of 2.2 million pairs sign, and the canonical query is the plain one", () => {
    const path = "/" + "p".repeat(9 << 20);
    expect(splitPlain("https://a.example.com" + path)).toBeUndefined();
    expect(sign({ url: "https://a.example.com" + path }, options).canonicalRequest.split("\n")[1]).toBe(path);
    expect(sign({ url: "https://a.example.com/?" + query }, options).canonicalRequest.split("\n")[2]).toBe(query);
  });

  it("verify() answers such a request instead of throwing", () => {
    const authorization = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/kms/aws4_request, SignedHeaders=host;x-amz-date, Signature=" + "0".repeat(64);
    const request = { method: "GET", url: "/?" + query, headers: { host: "a.example.com", "x-amz-date": "20150830T123600Z", authorization } };
    expect(verify(request, { getCredentials: () => ({ secretAccessKey: "S" }), now: "20150830T123600Z" })).toMatchObject({ ok: false, code: "SignatureDoesNotMatch" });
  });
});
