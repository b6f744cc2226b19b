// The sigv4 command line, run as the built binary (node dist/cli/main.js) in a child process with
// a clean environment: the AWS documentation examples, every output format, credentials from the
// environment and from a profile, exit statuses, and that no secret is ever printed.
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { presign } from "../bindings/index.js";

const BIN = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));

// AWS documentation example credentials (IAM User Guide, "Signature Version 4 signing process").
const ACCESS_KEY = "AKIDEXAMPLE";
const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const PROFILE_SECRET = "pr0fileSecretKey/abcDEF+ghiJKL0123456789";
const SESSION_TOKEN = "FwoGZXIvYXdzEXAMPLETOKEN/abc+def=";
const SECRETS = [SECRET, PROFILE_SECRET];

// IAM ListUsers, the worked example of "Create a signed AWS API request".
const IAM_URL = "https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08";
const IAM_TYPE = "content-type: application/x-www-form-urlencoded; charset=utf-8";
const IAM_DATE = "20150830T123600Z";
const IAM_SIGNATURE = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";
const IAM_ARGS = ["--date", IAM_DATE, "-H", IAM_TYPE, IAM_URL];

const FOX = "The quick brown fox jumps over the lazy dog";
const FOX_HMAC = "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8";

const EXAMPLE_ENV = { AWS_ACCESS_KEY_ID: ACCESS_KEY, AWS_SECRET_ACCESS_KEY: SECRET };

let home: string;
const outputs: string[] = [];

interface RunOptions {
  env?: Record<string, string>;
  input?: string | Buffer;
}

/** Runs the binary with only PATH, HOME and `env` set; checks that no secret reached stdout or stderr. */
function run(args: string[], { env = EXAMPLE_ENV, input }: RunOptions = {}): SpawnSyncReturns<string> {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? "", HOME: home, USERPROFILE: home, ...env },
    input: input ?? "",
    encoding: "utf8",
    timeout: 30_000,
  });
  if (result.error) throw result.error;
  outputs.push(result.stdout + result.stderr);
  for (const secret of SECRETS) {
    expect(result.stdout, "stdout leaks a secret").not.toContain(secret);
    expect(result.stderr, "stderr leaks a secret").not.toContain(secret);
  }
  return result;
}

function ok(args: string[], options?: RunOptions): SpawnSyncReturns<string> {
  const result = run(args, options);
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return result;
}

/** The words a POSIX shell makes of a command line `curl …`, with curl replaced by a printer. */
function shellWords(command: string): string[] {
  const script = `curl() { for a in "$@"; do printf '%s\\0' "$a"; done; }\n${command}`;
  const result = spawnSync("sh", ["-c", script], { encoding: "utf8" });
  expect(result.status).toBe(0);
  return result.stdout.split("\0").slice(0, -1);
}

function signatureOf(url: string): string | null {
  return new URL(url).searchParams.get("X-Amz-Signature");
}

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`npm run build\` before the CLI tests`);
  home = mkdtempSync(join(tmpdir(), "sigv4-cli-"));
  mkdirSync(join(home, ".aws"));
  writeFileSync(
    join(home, ".aws", "credentials"),
    [
      "# test profiles",
      "[dev]",
      "aws_access_key_id = AKIDPROFILE",
      `aws_secret_access_key = ${PROFILE_SECRET}`,
      `aws_session_token = ${SESSION_TOKEN}`,
      "",
      "[plain]",
      `AWS_ACCESS_KEY_ID=${ACCESS_KEY}`,
      `aws_secret_access_key=${SECRET}`,
      "",
      "[sso]",
      "sso_session = corp",
      "",
    ].join("\n"),
  );
  writeFileSync(join(home, "other-credentials"), `[elsewhere]\naws_access_key_id = AKIDOTHER\naws_secret_access_key = ${PROFILE_SECRET}\n`);
  writeFileSync(join(home, "fox.txt"), FOX);
});

afterAll(() => {
  if (home !== undefined) rmSync(home, { recursive: true, force: true });
});

describe("sigv4 sign", () => {
  it("signs the AWS IAM example, inferring iam/us-east-1 from the host", () => {
    const { stdout } = ok(["sign", ...IAM_ARGS]);
    const lines = stdout.trimEnd().split("\n");
    expect(lines).toContain("host: iam.amazonaws.com");
    expect(lines).toContain(IAM_TYPE);
    expect(lines).toContain(`x-amz-date: ${IAM_DATE}`);
    expect(lines).toContain(
      `authorization: AWS4-HMAC-SHA256 Credential=${ACCESS_KEY}/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=${IAM_SIGNATURE}`,
    );
  });

  it("accepts the date in ISO 8601 extended form", () => {
    const { stdout } = ok(["sign", "--date", "2015-08-30T12:36:00Z", "-H", IAM_TYPE, IAM_URL]);
    expect(stdout).toContain(`Signature=${IAM_SIGNATURE}`);
  });

  it("--output json parses and carries the same signature", () => {
    const { stdout } = ok(["sign", "--output", "json", ...IAM_ARGS]);
    const json = JSON.parse(stdout);
    expect(json.signature).toBe(IAM_SIGNATURE);
    expect(json.method).toBe("GET");
    expect(json.url).toBe(IAM_URL);
    expect(json.credentialScope).toBe("20150830/us-east-1/iam/aws4_request");
    expect(json.signedHeaders).toBe("content-type;host;x-amz-date");
    expect(json.headers.authorization).toContain(`Signature=${IAM_SIGNATURE}`);
    expect(json.canonicalRequest).toContain("content-type:application/x-www-form-urlencoded; charset=utf-8\n");
    expect(json.stringToSign).toBe(
      "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/iam/aws4_request\nf536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59",
    );
  });

  it("--output curl prints a curl command with each header quoted for a POSIX shell", () => {
    const { stdout } = ok(["sign", "--output", "curl", ...IAM_ARGS]);
    expect(stdout.startsWith("curl ")).toBe(true);
    expect(stdout).toContain("-X GET");
    expect(stdout).toContain(`-H '${IAM_TYPE}'`);
    expect(stdout).toContain("-H 'host: iam.amazonaws.com'");
    expect(stdout).toContain(`-H 'authorization: AWS4-HMAC-SHA256 Credential=${ACCESS_KEY}/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=${IAM_SIGNATURE}'`);
    expect(stdout.trimEnd().endsWith(`'${IAM_URL}'`)).toBe(true);
    expect(stdout).not.toContain("--data");
  });

  it.skipIf(process.platform === "win32")("--output curl survives a shell: quotes, a body, a method", () => {
    const { stdout } = ok(["sign", "--output", "curl", "--date", IAM_DATE, "-X", "put", "-H", "x-note: it's $HOME `id`", "--data", 'a=1&b="2"', "https://sqs.eu-west-1.amazonaws.com/"]);
    expect(stdout).toContain(`-H 'x-note: it'\\''s $HOME \`id\`'`);
    const words = shellWords(stdout);
    expect(words.slice(0, 2)).toEqual(["-X", "PUT"]);
    expect(words).toContain("x-note: it's $HOME `id`");
    expect(words.slice(-3)).toEqual(["--data-binary", 'a=1&b="2"', "https://sqs.eu-west-1.amazonaws.com/"]);
    const auth = words.find((w) => w.startsWith("authorization: "));
    expect(auth).toContain("/20150830/eu-west-1/sqs/aws4_request, SignedHeaders=host;x-amz-date;x-note, ");
  });

  it("--verbose prints the canonical request and the string to sign to stderr, and no secret", () => {
    const plain = ok(["sign", ...IAM_ARGS]);
    const json = JSON.parse(ok(["sign", "--output", "json", ...IAM_ARGS]).stdout);
    const verbose = run(["sign", "-v", ...IAM_ARGS]);
    expect(verbose.status).toBe(0);
    expect(verbose.stdout).toBe(plain.stdout);
    expect(verbose.stderr).toContain(`---- canonical request ----\n${json.canonicalRequest}\n`);
    expect(verbose.stderr).toContain(`---- string to sign ----\n${json.stringToSign}\n`);
    expect(verbose.stderr).toContain(ACCESS_KEY);
    expect(verbose.stderr).not.toContain(SECRET);
  });

  it("uses POST and hashes the body given with --data-binary @file or @-", () => {
    const fromFile = JSON.parse(ok(["sign", "--output", "json", "--date", IAM_DATE, "--data-binary", `@${join(home, "fox.txt")}`, "https://sts.amazonaws.com/"]).stdout);
    const fromStdin = JSON.parse(ok(["sign", "--output", "json", "--date", IAM_DATE, "--data-binary", "@-", "https://sts.amazonaws.com/"], { input: FOX }).stdout);
    const fromString = JSON.parse(ok(["sign", "--output", "json", "--date", IAM_DATE, "--data", FOX, "https://sts.amazonaws.com/"]).stdout);
    expect(fromFile.method).toBe("POST");
    expect(fromFile.canonicalRequest.endsWith("\nd7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592")).toBe(true);
    expect(fromStdin.signature).toBe(fromFile.signature);
    expect(fromString.signature).toBe(fromFile.signature);
  });

  it("--unsigned-payload signs UNSIGNED-PAYLOAD", () => {
    const json = JSON.parse(ok(["sign", "--output", "json", "--unsigned-payload", "--data", "x", ...IAM_ARGS]).stdout);
    expect(json.canonicalRequest.endsWith("\nUNSIGNED-PAYLOAD")).toBe(true);
  });

  it.each([
    ["https://iam.amazonaws.com/", "us-east-1/iam"],
    ["https://kms.eu-west-1.amazonaws.com/", "eu-west-1/kms"],
    ["https://bucket.s3.us-west-2.amazonaws.com/key", "us-west-2/s3"],
    ["https://s3.amazonaws.com/bucket/key", "us-east-1/s3"],
    ["https://abc.execute-api.us-east-1.amazonaws.com/prod/items", "us-east-1/execute-api"],
    ["https://sts.cn-north-1.amazonaws.com.cn/", "cn-north-1/sts"],
  ])("infers the region and service of %s", (url, scope) => {
    const json = JSON.parse(ok(["sign", "--output", "json", "--date", IAM_DATE, url]).stdout);
    expect(json.credentialScope).toBe(`20150830/${scope}/aws4_request`);
  });

  it("fails with a clear message when it cannot infer the region and service, and signs with them given", () => {
    const failed = run(["sign", "https://example.com/api"]);
    expect(failed.status).toBe(2);
    expect(failed.stderr).toMatch(/^sigv4: cannot infer the region and service from the host 'example\.com'.*pass --region and --service/);
    const json = JSON.parse(ok(["sign", "--output", "json", "--region", "eu-west-3", "--service", "custom", "--date", IAM_DATE, "https://example.com/api"]).stdout);
    expect(json.credentialScope).toBe("20150830/eu-west-3/custom/aws4_request");
  });
});

describe("sigv4 presign", () => {
  const presignUrl = "https://examplebucket.s3.amazonaws.com/test.txt";
  const credentials = { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET };

  it("prints a URL whose X-Amz-Signature is the library's presign() signature", () => {
    const { stdout } = ok(["presign", "--date", "20130524T000000Z", presignUrl]);
    const expected = presign({ url: presignUrl }, { credentials, region: "us-east-1", service: "s3", date: "20130524T000000Z" });
    expect(stdout).toBe(expected.url + "\n");
    expect(signatureOf(stdout.trim())).toBe(expected.signature);
    expect(new URL(stdout.trim()).searchParams.get("X-Amz-Expires")).toBe("900");
  });

  it("--expires and --output json match the library too", () => {
    const { stdout } = ok(["presign", "--output", "json", "--expires", "86400", "--date", "20130524T000000Z", presignUrl]);
    const json = JSON.parse(stdout);
    const expected = presign({ url: presignUrl }, { credentials, region: "us-east-1", service: "s3", date: "20130524T000000Z", expiresIn: 86400 });
    expect(json.url).toBe(expected.url);
    expect(json.signature).toBe(expected.signature);
    expect(signatureOf(json.url)).toBe(expected.signature);
    expect(json.expiresAt).toBe("2013-05-25T00:00:00.000Z");
    expect(json.canonicalRequest).toBe(expected.canonicalRequest);
  });

  it("--hoist puts the x-amz-* headers into the URL, as the library's hoist 'x-amz', and no longer lists them to send", () => {
    const args = ["presign", "--date", "20130524T000000Z", "-X", "PUT", "-H", "x-amz-acl: public-read", "-H", "content-type: text/plain", presignUrl];
    const hoisted = run(["presign", "--hoist", ...args.slice(1)]);
    expect(hoisted.status).toBe(0);
    const expected = presign({ method: "PUT", url: presignUrl, headers: { "x-amz-acl": "public-read", "content-type": "text/plain" } }, { credentials, region: "us-east-1", service: "s3", date: "20130524T000000Z", hoist: "x-amz" });
    expect(hoisted.stdout).toBe(expected.url + "\n");
    expect(new URL(hoisted.stdout.trim()).searchParams.get("x-amz-acl")).toBe("public-read");
    expect(hoisted.stderr).toContain("content-type: text/plain");
    expect(hoisted.stderr).not.toContain("x-amz-acl");
    expect(run(args).stderr).toContain("x-amz-acl: public-read");
  });

  it("rejects an expiry the library rejects (exit 1) and one that is not a number (exit 2)", () => {
    const tooLong = run(["presign", "--expires", "604801", presignUrl]);
    expect(tooLong.status).toBe(1);
    expect(tooLong.stderr).toMatch(/^sigv4: InvalidExpires: /);
    const notNumber = run(["presign", "--expires", "1h", presignUrl]);
    expect(notNumber.status).toBe(2);
  });
});

describe("sigv4 derive-key", () => {
  const args = ["derive-key", "--secret-stdin", "--date", "20120215", "--region", "us-east-1", "--service", "iam"];

  it("prints the key chain of the AWS example with the secret read from stdin", () => {
    const { stdout } = ok(args, { env: {}, input: SECRET + "\n" });
    expect(stdout).toBe(
      [
        "kDate 969fbb94feb542b71ede6f87fe4d5fa29c789342b0f407474670f0c2489e0a0d",
        "kRegion 69daa0209cd9c5ff5c8ced464a696fd4252e981430b10e3d3fd8e2f197d7a70c",
        "kService f72cfd46f26bc4643f06a11eabb6c0ba18780c19a8da0c31ace671265e3c87fa",
        "kSigning f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d",
        "",
      ].join("\n"),
    );
  });

  it("takes the secret from AWS_SECRET_ACCESS_KEY or a profile as well", () => {
    const fromEnv = ok(args.filter((a) => a !== "--secret-stdin"), { env: { AWS_SECRET_ACCESS_KEY: SECRET } });
    expect(fromEnv.stdout).toContain("kSigning f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d\n");
    const fromProfile = ok(["derive-key", "--profile", "plain", "--date", "20120215", "--region", "us-east-1", "--service", "iam"], { env: {} });
    expect(fromProfile.stdout).toBe(fromEnv.stdout);
  });

  it("refuses the secret on the command line, and says why in --help", () => {
    const asOption = run(["derive-key", `--secret=${SECRET}`, "--date", "20120215", "--region", "us-east-1", "--service", "iam"]);
    expect(asOption.status).toBe(2);
    expect(asOption.stderr).toContain("shell history");
    const asArgument = run(["derive-key", SECRET, "--date", "20120215", "--region", "us-east-1", "--service", "iam"]);
    expect(asArgument.status).toBe(2);
    const help = ok(["derive-key", "--help"]);
    expect(help.stdout).toContain("never accepted as a command-line argument");
    expect(help.stdout).toContain("shell history");
  });

  it("needs --date, --region and --service (exit 2)", () => {
    const missing = run(["derive-key", "--secret-stdin", "--region", "us-east-1", "--service", "iam"], { input: SECRET });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("--date");
  });
});

describe("sigv4 hmac", () => {
  it("prints HMAC-SHA256 in hex by default and in base64 with --base64", () => {
    expect(ok(["hmac", "--key", "key", FOX]).stdout).toBe(FOX_HMAC + "\n");
    expect(ok(["hmac", "--key", "key", "--hex", FOX]).stdout).toBe(FOX_HMAC + "\n");
    expect(ok(["hmac", "--key", "key", "--base64", FOX]).stdout).toBe(Buffer.from(FOX_HMAC, "hex").toString("base64") + "\n");
  });

  it("takes the key as hex or from stdin, and the message from a file", () => {
    const hexKey = Buffer.from("key").toString("hex");
    expect(ok(["hmac", "--key-hex", hexKey, FOX]).stdout).toBe(FOX_HMAC + "\n");
    expect(ok(["hmac", "--key-stdin", FOX], { input: "key\n" }).stdout).toBe(FOX_HMAC + "\n");
    expect(ok(["hmac", "--key", "key", "--data-binary", `@${join(home, "fox.txt")}`]).stdout).toBe(FOX_HMAC + "\n");
  });

  it("needs exactly one key (exit 2)", () => {
    expect(run(["hmac", FOX]).status).toBe(2);
    expect(run(["hmac", "--key", "a", "--key-hex", "00", FOX]).status).toBe(2);
    expect(run(["hmac", "--key-hex", "abc", FOX]).status).toBe(2);
  });
});

describe("credentials", () => {
  it("--profile reads ~/.aws/credentials and sends the session token as x-amz-security-token", () => {
    const { stdout } = ok(["sign", "--profile", "dev", ...IAM_ARGS]);
    const lines = stdout.trimEnd().split("\n");
    expect(lines).toContain(`x-amz-security-token: ${SESSION_TOKEN}`);
    const auth = lines.find((l) => l.startsWith("authorization: "));
    expect(auth).toContain("Credential=AKIDPROFILE/20150830/us-east-1/iam/aws4_request");
    expect(auth).toContain("SignedHeaders=content-type;host;x-amz-date;x-amz-security-token");
  });

  it("--profile wins over the environment; the environment wins over AWS_PROFILE", () => {
    const withProfile = ok(["sign", "--profile", "dev", ...IAM_ARGS], { env: { ...EXAMPLE_ENV, AWS_PROFILE: "plain" } });
    expect(withProfile.stdout).toContain("Credential=AKIDPROFILE/");
    const envWins = ok(["sign", ...IAM_ARGS], { env: { ...EXAMPLE_ENV, AWS_PROFILE: "dev" } });
    expect(envWins.stdout).toContain(`Signature=${IAM_SIGNATURE}`);
    const awsProfile = ok(["sign", ...IAM_ARGS], { env: { AWS_PROFILE: "dev" } });
    expect(awsProfile.stdout).toContain("Credential=AKIDPROFILE/");
  });

  it("a profile with the example keys signs like the environment", () => {
    expect(ok(["sign", "--profile", "plain", ...IAM_ARGS], { env: {} }).stdout).toContain(`Signature=${IAM_SIGNATURE}`);
  });

  it("AWS_SHARED_CREDENTIALS_FILE overrides the path", () => {
    const { stdout } = ok(["sign", "--profile", "elsewhere", ...IAM_ARGS], { env: { AWS_SHARED_CREDENTIALS_FILE: join(home, "other-credentials") } });
    expect(stdout).toContain("Credential=AKIDOTHER/");
  });

  it("the session token is in what is to be sent, never in a verbose trace (stderr)", () => {
    const result = run(["sign", "-v", "--profile", "dev", ...IAM_ARGS]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`x-amz-security-token: ${SESSION_TOKEN}`);
    expect(result.stderr).toContain("x-amz-security-token:****");
    expect(result.stderr).not.toContain(SESSION_TOKEN);
    const fromEnv = run(["sign", "-v", ...IAM_ARGS], { env: { ...EXAMPLE_ENV, AWS_SESSION_TOKEN: SESSION_TOKEN } });
    expect(fromEnv.stdout).toContain(SESSION_TOKEN);
    expect(fromEnv.stderr).not.toContain(SESSION_TOKEN);
  });

  it("presign puts a profile's session token into the URL", () => {
    const { stdout } = ok(["presign", "--profile", "dev", "--date", IAM_DATE, "https://examplebucket.s3.amazonaws.com/test.txt"]);
    expect(new URL(stdout.trim()).searchParams.get("X-Amz-Security-Token")).toBe(SESSION_TOKEN);
  });

  it("without credentials: exit 1 and a message naming the environment variables", () => {
    const result = run(["sign", IAM_URL], { env: {} });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^sigv4: /);
    expect(result.stderr).toContain("AWS_ACCESS_KEY_ID");
    expect(result.stderr).toContain("AWS_SECRET_ACCESS_KEY");
    expect(result.stderr).toContain("--profile");
  });

  it("an unknown profile or one without static keys: exit 1", () => {
    const unknown = run(["sign", "--profile", "nope", IAM_URL]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("profile 'nope'");
    const sso = run(["sign", "--profile", "sso", IAM_URL]);
    expect(sso.status).toBe(1);
    expect(sso.stderr).toContain("aws_access_key_id");
  });
});

describe("errors and help", () => {
  it("an unknown option is a usage error (exit 2)", () => {
    const result = run(["sign", "--bogus", IAM_URL]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^sigv4: unknown option '--bogus'/);
  });

  it("an unknown command is named when it looks like one, and a pasted secret is not echoed", () => {
    expect(run(["frobnicate"]).stderr).toMatch(/^sigv4: unknown command 'frobnicate' \(commands: sign, /);
    for (const args of [[SECRET], ["help", SECRET]]) {
      const result = run(args);
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/^sigv4: unknown command \(commands: sign, /);
    }
  });

  it("reads standard input from a pipe whose writer is still busy (no EAGAIN)", () => {
    const script = `(sleep 0.5; printf %s "$S") | "${process.execPath}" "${BIN}" derive-key --secret-stdin --date 20120215 --region us-east-1 --service iam`;
    const result = spawnSync("sh", ["-c", script], { env: { PATH: process.env.PATH ?? "", HOME: home, S: SECRET }, encoding: "utf8", timeout: 30_000 });
    expect([result.status, result.stderr]).toEqual([0, ""]);
    expect(result.stdout).toContain("kSigning f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d\n");
  });

  it("a missing argument is a usage error (exit 2)", () => {
    expect(run(["sign"]).status).toBe(2);
    expect(run(["sign", IAM_URL, "-X"]).status).toBe(2);
    expect(run(["sign", "-H", "no colon here", IAM_URL]).status).toBe(2);
    expect(run([]).status).toBe(2);
    expect(run(["frobnicate"]).status).toBe(2);
  });

  it("a CR in a header value is a signing error: exit 1 with code InvalidHeaderValue", () => {
    const result = run(["sign", "-H", "x-test: a\rb", IAM_URL]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^sigv4: InvalidHeaderValue: headers\.x-test: /);
  });

  it("an invalid date is a signing error: exit 1 with code InvalidDate", () => {
    const result = run(["sign", "--date", "yesterday", IAM_URL]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^sigv4: InvalidDate: /);
  });

  it.each([[["--help"]], [["help"]], [["sign", "--help"]], [["presign", "--help"]], [["derive-key", "--help"]], [["hmac", "-h"]], [["help", "hmac"]], [["sign", "--bogus", "--help"]]])(
    "%j prints help and exits 0",
    (args) => {
      const { stdout } = ok(args);
      expect(stdout).toMatch(/^Usage: sigv4 /);
    },
  );

  it("no run printed a secret", () => {
    expect(outputs.length).toBeGreaterThan(40);
    for (const text of outputs) for (const secret of SECRETS) expect(text).not.toContain(secret);
  });
});
