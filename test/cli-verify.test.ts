// sigv4 verify and sigv4 explain, run as the built binary (node dist/cli/main.js) in a child
// process with a clean environment: raw requests from a file and from standard input, exit
// statuses, JSON and text output, and no secret in any output.
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { sign, presign } from "../bindings/index.js";
import { SHARED, describeShared } from "./shared.js";
import { read } from "./suite-files.js";

const BIN = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));

// AWS documentation example credentials.
const AKID = "AKIDEXAMPLE";
const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const ENV = { AWS_ACCESS_KEY_ID: AKID, AWS_SECRET_ACCESS_KEY: SECRET };
const DATE = "20150830T123600Z";

let dir: string;

function run(args: string[], { env = ENV, input = "" }: { env?: Record<string, string>; input?: string | Buffer } = {}): SpawnSyncReturns<string> {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? "", HOME: dir, USERPROFILE: dir, ...env },
    input,
    encoding: "utf8",
    timeout: 30_000,
  });
  if (result.error) throw result.error;
  expect(result.stdout + result.stderr, "output leaks the secret").not.toContain(SECRET);
  return result;
}

/** A request signed by the library, written as raw HTTP/1.1 with CRLF line ends. */
function rawRequest(body = '{"KeyId":"alias/example"}', sessionToken?: string): string {
  const signed = sign(
    { method: "POST", url: "https://kms.us-east-1.amazonaws.com/", headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "TrentService.Sign" }, body },
    { credentials: { accessKeyId: AKID, secretAccessKey: SECRET, sessionToken }, region: "us-east-1", service: "kms", date: DATE },
  );
  const headers = Object.entries(signed.headers).map(([n, v]) => `${n}: ${v}`);
  return ["POST / HTTP/1.1", ...headers, "", body].join("\r\n");
}

const file = (name: string, content: string): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npx tsc -p tsconfig.json\` (npm run build) before the CLI tests`);
  dir = mkdtempSync(join(tmpdir(), "sigv4-cli-verify-"));
});

afterAll(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

describe("sigv4 verify", () => {
  it("verifies a raw request from a file and prints the result as JSON", () => {
    const result = run(["verify", "--now", DATE, "--region", "us-east-1", "--service", "kms", file("ok.http", rawRequest())]);
    expect([result.status, result.stderr]).toEqual([0, ""]);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, accessKeyId: AKID, region: "us-east-1", service: "kms", location: "header", payload: "signed" });
  });

  it("reads standard input when the file is '-' or absent", () => {
    expect(run(["verify", "--now", DATE, "-"], { input: rawRequest() }).status).toBe(0);
    expect(run(["verify", "--now", DATE], { input: rawRequest() }).status).toBe(0);
  });

  it("exits 1 for a refused request, still printing the JSON (with the canonical request)", () => {
    const tampered = rawRequest().replace('"alias/example"}', '"alias/other"}');
    const result = run(["verify", "--now", DATE, "-"], { input: tampered });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("sigv4: the request does not verify: SignatureDoesNotMatch (HTTP 403)\n");
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ ok: false, status: 403, code: "SignatureDoesNotMatch", style: "aws" });
    expect(json.canonicalRequest).toContain("\nx-amz-target:TrentService.Sign\n");
  });

  it("prints the session token of a refused request's canonical request as asterisks", () => {
    const token = "IQoJb3JpZ2luX2VjEXAMPLETOKEN/abc+def=";
    const tampered = rawRequest(undefined, token).replace('"alias/example"}', '"alias/other"}');
    const result = run(["verify", "--now", DATE, "-"], { input: tampered, env: { ...ENV, AWS_SESSION_TOKEN: token } });
    expect(JSON.parse(result.stdout)).toMatchObject({ code: "SignatureDoesNotMatch" });
    expect(JSON.parse(result.stdout).canonicalRequest).toContain("\nx-amz-security-token:****\n");
    expect(result.stdout + result.stderr).not.toContain(token);
  });

  it("masks a token however the result quotes it: percent-encoded (a presigned URL) and as S3's hex bytes", () => {
    const token = "IQoJb3JpZ2luX2VjEXAMPLETOKEN/abc+def=";
    const credentials = { accessKeyId: AKID, secretAccessKey: SECRET, sessionToken: token };
    const forms = (t: string) => [t, encodeURIComponent(t), ...[t, encodeURIComponent(t)].map((f) => Array.from(Buffer.from(f), (b) => b.toString(16).padStart(2, "0")).join(" "))];
    const url = new URL(presign({ url: "https://bucket.s3.amazonaws.com/k" }, { credentials, region: "us-east-1", service: "s3", date: DATE }).url);
    const presigned = `GET /other${url.search} HTTP/1.1\r\nhost: ${url.host}\r\n\r\n`;
    const put = sign({ method: "PUT", url: "https://bucket.s3.amazonaws.com/k", body: "hi" }, { credentials, region: "us-east-1", service: "s3", date: DATE });
    const headerSigned = ["PUT /other HTTP/1.1", ...Object.entries(put.headers).map(([n, v]) => `${n}: ${v}`), "", "hi"].join("\r\n");
    for (const request of [presigned, headerSigned]) {
      const result = run(["verify", "--now", DATE, "-"], { input: request, env: { ...ENV, AWS_SESSION_TOKEN: token } });
      expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, code: "SignatureDoesNotMatch" });
      expect(result.stdout).toContain("****");
      for (const form of forms(token)) expect(result.stdout + result.stderr).not.toContain(form);
    }
  });

  it("refuses a request outside the allowed regions, and one too old for --now", () => {
    expect(JSON.parse(run(["verify", "--now", DATE, "--region", "eu-west-1", "-"], { input: rawRequest() }).stdout).message).toBe(
      "Credential should be scoped to a valid region, not 'us-east-1'. ",
    );
    const late = run(["verify", "--now", "2015-08-30T13:06:00Z", "-"], { input: rawRequest() });
    expect([late.status, JSON.parse(late.stdout).message]).toEqual([1, "Signature expired: 20150830T123600Z is now earlier than 20150830T125100Z (20150830T130600Z - 15 min.)"]);
    expect(JSON.parse(run(["verify", "--now", "2015-08-30T12:40:00Z", "--max-skew", "60", "-"], { input: rawRequest() }).stdout).code).toBe("SignatureDoesNotMatch");
  });

  it("decodes a chunked body before hashing it", () => {
    const [head, body] = rawRequest().split("\r\n\r\n");
    const chunked = `${head.replace(/\r\ncontent-length: \d+/i, "")}\r\ntransfer-encoding: chunked\r\n\r\n5\r\n${body.slice(0, 5)}\r\n${(body.length - 5).toString(16)}\r\n${body.slice(5)}\r\n0\r\n\r\n`;
    expect(run(["verify", "--now", DATE, "-"], { input: chunked }).status).toBe(0);
  });

  it("--access-key-id chooses the key whose secret comes from AWS_SECRET_ACCESS_KEY", () => {
    const env = { AWS_SECRET_ACCESS_KEY: SECRET };
    expect(run(["verify", "--access-key-id", AKID, "--now", DATE, "-"], { env, input: rawRequest() }).status).toBe(0);
    const other = run(["verify", "--access-key-id", "AKIDOTHER", "--now", DATE, "-"], { env, input: rawRequest() });
    expect([other.status, JSON.parse(other.stdout).code]).toEqual([1, "InvalidClientTokenId"]);
  });

  it("usage errors exit 2; no credentials or an unreadable request exit 1", () => {
    expect(run(["verify", "a", "b"]).status).toBe(2);
    expect(run(["verify", "--max-skew", "ten", "-"], { input: rawRequest() }).status).toBe(2);
    expect(run(["verify", "-"], { env: {}, input: rawRequest() }).status).toBe(1);
    const garbage = run(["verify", "-"], { input: "not a request" });
    expect([garbage.status, garbage.stderr]).toEqual([1, "sigv4: cannot read the request: the first line is not an HTTP request line (METHOD TARGET HTTP/1.1)\n"]);
  });

  it("is listed in the tool's help, with help of its own", () => {
    expect(run(["--help"]).stdout).toMatch(/verify .*\n.*explain /s);
    expect(run(["verify", "--help"]).stdout).toContain("Usage: sigv4 verify");
  });
});

describeShared("sigv4-test-suite/v4", "sigv4 verify on the AWS suite's signed requests", () => {
  it.each(["get-vanilla", "post-x-www-form-urlencoded", "get-vanilla-query-order-encoded"])("%s (header and presigned)", (name) => {
    for (const location of ["header", "query"]) {
      const result = run(["verify", "--now", DATE, "--region", "us-east-1", "--service", "service", "-"], { input: read(`${SHARED}sigv4-test-suite/v4/${name}/${location}-signed-request.txt`) });
      expect([result.status, JSON.parse(result.stdout).location]).toEqual([0, location]);
    }
  });
});

describe("sigv4 explain", () => {
  /** `sigv4 sign --output json` of a request, and the error body the service sends when a proxy changed its content-type. */
  function scenario(): { signed: string; response: string } {
    const signed = run(["sign", "--output", "json", "--date", DATE, "-H", "content-type: application/x-www-form-urlencoded", "--data", "Action=GetCallerIdentity&Version=2011-06-15", "https://sts.amazonaws.com/"]);
    const json = JSON.parse(signed.stdout);
    const theirs = json.canonicalRequest.replace("content-type:application/x-www-form-urlencoded", "content-type:application/x-www-form-urlencoded; charset=utf-8");
    const message = `The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\nThe Canonical String for this request should have been\n'${theirs}'\n\nThe String-to-Sign should have been\n'AWS4-HMAC-SHA256\n${DATE}\n20150830/us-east-1/sts/aws4_request\n0000'\n`;
    const response = `<ErrorResponse><Error><Type>Sender</Type><Code>SignatureDoesNotMatch</Code><Message>${message.replace(/&/g, "&amp;")}</Message></Error><RequestId>1</RequestId></ErrorResponse>`;
    return { signed: file("signed.json", signed.stdout), response: file("error.xml", response) };
  }

  it("names the header a proxy changed, with a line diff", () => {
    const { signed, response } = scenario();
    const result = run(["explain", "--signed", signed, response]);
    expect([result.status, result.stderr]).toEqual([0, ""]);
    expect(result.stdout).toContain("cause: header-changed");
    expect(result.stdout).toContain("first difference: header content-type");
    expect(result.stdout).toContain("- content-type:application/x-www-form-urlencoded\n+ content-type:application/x-www-form-urlencoded; charset=utf-8");
  });

  it("--output json, the response from standard input, the client's strings from text files", () => {
    const { signed, response } = scenario();
    const json = JSON.parse(run(["sign", "--output", "json", "--date", DATE, "-H", "content-type: application/x-www-form-urlencoded", "--data", "Action=GetCallerIdentity&Version=2011-06-15", "https://sts.amazonaws.com/"]).stdout);
    const creq = file("creq.txt", json.canonicalRequest + "\n");
    const result = run(["explain", "--output", "json", "--canonical-request", creq, "-"], { input: read(response) });
    expect(JSON.parse(result.stdout)).toMatchObject({ code: "SignatureDoesNotMatch", cause: "header-changed", difference: { name: "content-type" } });
    expect(JSON.parse(run(["explain", "--output", "json", "--signed", signed], { input: read(response) }).stdout).cause).toBe("header-changed");
  });

  it("explains a message without strings (clock skew)", () => {
    const creq = file("c2.txt", "GET\n/\n\nhost:sts.amazonaws.com\n\nhost\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    const result = run(["explain", "--canonical-request", creq, "-"], { input: "SignatureDoesNotMatch: Signature expired: 20150830T123600Z is now earlier than 20150830T125100Z (20150830T130600Z - 15 min.)" });
    expect(result.stdout).toContain("cause: clock-skew");
  });

  it("quotes no session token: the lines that carry one show ****", () => {
    const token = "IQoJb3JpZ2luX2VjEXAMPLETOKEN/abc+def==";
    const env = { ...ENV, AWS_SESSION_TOKEN: token };
    const json = JSON.parse(run(["sign", "--output", "json", "--date", DATE, "--data", "Action=GetCallerIdentity&Version=2011-06-15", "https://sts.amazonaws.com/"], { env }).stdout);
    expect(json.canonicalRequest).toContain(`x-amz-security-token:${token}`);
    // The service saw another token (a proxy swapped credentials): the token line is the difference.
    const theirs = json.canonicalRequest.replace(token, "IQoJb3JpZ2luX2VjOTHERTOKEN");
    const response = `<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided.</Message><CanonicalRequest>${theirs}</CanonicalRequest></Error>`;
    const signed = file("signed-token.json", JSON.stringify(json));
    for (const output of ["text", "json"]) {
      const result = run(["explain", "--output", output, "--signed", signed, "-"], { input: response });
      expect(result.status).toBe(0);
      expect(result.stdout).toContain("x-amz-security-token:****");
      expect(result.stdout).not.toContain(token);
      expect(result.stdout).not.toContain("IQoJb3JpZ2luX2VjOTHERTOKEN");
    }
  });

  it("usage errors exit 2", () => {
    expect(run(["explain", "-"], { input: "x" }).status).toBe(2);
    expect(run(["explain", "--signed", "a", "--canonical-request", "b", "-"], { input: "x" }).status).toBe(2);
    expect(run(["explain", "--output", "yaml", "--canonical-request", "b"]).status).toBe(2);
  });
});
