import { describe, it, expect, beforeAll } from "vitest";
import { createHash } from "node:crypto";
import { runInNewContext } from "node:vm";
import { sign, presign, Signer, hmacSha256, sha256, type SignOptions } from "../bindings/index.js";
import { useCore, core } from "../bindings/wasm/instance.js";
import { verify } from "../bindings/verify/verify.js";
import { CORES } from "./cores.js";
import { nodeSignature } from "./oracle.js";

// AWS SigV4 documentation example credentials (IAM / General Reference and the suites).
const AKID = "AKIDEXAMPLE";
const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
// The Amazon S3 API Reference examples use other ones (note '/' where the above has '+').
const S3 = {
  credentials: { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" },
  region: "us-east-1",
  service: "s3",
  date: "20130524T000000Z",
};
const BUCKET = "https://examplebucket.s3.amazonaws.com";

const iam = (extra: Partial<SignOptions> = {}): SignOptions => ({
  credentials: { accessKeyId: AKID, secretAccessKey: SECRET },
  region: "us-east-1",
  service: "iam",
  date: "20150830T123600Z",
  ...extra,
});

describe.each(CORES)("signer (%s core)", (_name, module) => {
  beforeAll(() => useCore(module));

  it("signs the IAM ListUsers example of the SigV4 documentation", () => {
    const signed = sign(
      { url: "https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08", headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" } },
      iam(),
    );
    expect(signed.signature).toBe("5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
    expect(signed.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7",
    );
    expect(signed.stringToSign.split("\n")[3]).toBe("f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59");
    expect(signed.credentialScope).toBe("20150830/us-east-1/iam/aws4_request");
    expect(signed.amzDate).toBe("20150830T123600Z");
    expect(signed.headers).toEqual({
      host: "iam.amazonaws.com",
      "content-type": "application/x-www-form-urlencoded; charset=utf-8",
      "x-amz-date": "20150830T123600Z",
      authorization: signed.authorization,
    });
  });

  // Amazon S3 API Reference, "Authenticating Requests: Using the Authorization Header", examples.
  it.each([
    ["GET Object (range)", { url: `${BUCKET}/test.txt`, headers: { Range: "bytes=0-9" } }, "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"],
    [
      "PUT Object (test$file.text)",
      { method: "PUT", url: `${BUCKET}/test$file.text`, headers: { Date: "Fri, 24 May 2013 00:00:00 GMT", "x-amz-storage-class": "REDUCED_REDUNDANCY" }, body: "Welcome to Amazon S3." },
      "98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd",
    ],
    ["GET Bucket Lifecycle", { url: `${BUCKET}/?lifecycle` }, "fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543"],
    ["GET Bucket (list objects)", { url: `${BUCKET}/?max-keys=2&prefix=J` }, "34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7"],
  ])("signs the S3 documentation example %s with the S3 defaults", (_title, request, signature) => {
    const signed = sign(request, S3);
    expect(signed.signature).toBe(signature);
    expect(signed.headers["x-amz-content-sha256"]).toMatch(/^[0-9a-f]{64}$/);
  });

  it("canonicalises the S3 PUT example's path with single encoding: /test%24file.text", () => {
    const signed = sign({ method: "PUT", url: `${BUCKET}/test$file.text`, body: "Welcome to Amazon S3." }, S3);
    expect(signed.canonicalRequest.split("\n")[1]).toBe("/test%24file.text");
    expect(signed.canonicalRequest.split("\n").pop()).toBe(createHash("sha256").update("Welcome to Amazon S3.").digest("hex"));
  });

  it("presigns the S3 documentation example (GET /test.txt, 86400 s, UNSIGNED-PAYLOAD)", () => {
    const p = presign({ url: `${BUCKET}/test.txt` }, { ...S3, expiresIn: 86400 });
    expect(p.signature).toBe("aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
    expect(p.url).toBe(
      `${BUCKET}/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404`,
    );
    expect(p.canonicalRequest.endsWith("\nUNSIGNED-PAYLOAD")).toBe(true);
    expect(p.expiresAt.toISOString()).toBe("2013-05-25T00:00:00.000Z");
    expect(p.headers).toEqual({});
  });

  it("agrees with node:crypto on the signature of its own canonical request, for a canonical request larger than the core's input region", () => {
    const big = "x".repeat(70_000);
    const signed = sign({ url: "https://example.amazonaws.com/", headers: { "x-amz-meta-big": big } }, iam({ service: "service" }));
    expect(signed.canonicalRequest.length).toBeGreaterThan(65_536);
    expect(signed.signature).toBe(nodeSignature(signed.canonicalRequest, signed.amzDate, SECRET, "us-east-1", "service"));
  });

  it("hashes a body of several MiB like node:crypto", () => {
    const body = new Uint8Array(5 * 1024 * 1024 + 3).map((_, i) => (i * 31) & 0xff);
    const signed = sign({ method: "PUT", url: `${BUCKET}/big`, body }, S3);
    expect(signed.headers["x-amz-content-sha256"]).toBe(createHash("sha256").update(body).digest("hex"));
    expect(signed.signature).toBe(nodeSignature(signed.canonicalRequest, signed.amzDate, S3.credentials.secretAccessKey, "us-east-1", "s3"));
  });

  it("signs the session token (header), or appends it unsigned", () => {
    const credentials = { accessKeyId: AKID, secretAccessKey: SECRET, sessionToken: "tok/en+==" };
    const signed = sign({ url: "https://example.amazonaws.com/" }, iam({ credentials }));
    expect(signed.headers["x-amz-security-token"]).toBe("tok/en+==");
    expect(signed.signedHeaders).toBe("host;x-amz-date;x-amz-security-token");
    const appended = sign({ url: "https://example.amazonaws.com/" }, iam({ credentials, sessionToken: "appended" }));
    expect(appended.headers["x-amz-security-token"]).toBe("tok/en+==");
    expect(appended.signedHeaders).toBe("host;x-amz-date");
    const presigned = presign({ url: "https://example.amazonaws.com/" }, iam({ credentials }));
    expect(presigned.url).toContain("X-Amz-Security-Token=tok%2Fen%2B%3D%3D");
    expect(presigned.canonicalRequest).toContain("X-Amz-Security-Token=tok%2Fen%2B%3D%3D");
  });

  it("replaces a caller's Authorization and X-Amz-Date instead of signing stale ones", () => {
    const signed = sign({ url: "https://example.amazonaws.com/", headers: { Authorization: "old", "X-Amz-Date": "20000101T000000Z" } }, iam());
    expect(signed.headers["x-amz-date"]).toBe("20150830T123600Z");
    expect(signed.headers.authorization).toBe(signed.authorization);
    expect(signed.canonicalRequest).not.toContain("20000101");
  });

  it("honours a caller's x-amz-content-sha256 marker as the payload hash", () => {
    const signed = sign({ method: "PUT", url: `${BUCKET}/k`, headers: { "x-amz-content-sha256": "UNSIGNED-PAYLOAD" }, body: "data" }, S3);
    expect(signed.canonicalRequest.endsWith("\nUNSIGNED-PAYLOAD")).toBe(true);
    expect(signed.headers["x-amz-content-sha256"]).toBe("UNSIGNED-PAYLOAD");
  });

  it("accepts the date as a Date, epoch milliseconds, or basic / extended ISO 8601", () => {
    const ms = Date.UTC(2015, 7, 30, 12, 36, 0);
    const dates = [new Date(ms), ms, "20150830T123600Z", "2015-08-30T12:36:00Z", "2015-08-30T12:36:00.999Z"];
    const signatures = dates.map((date) => sign({ url: "https://example.amazonaws.com/" }, iam({ date })).signature);
    expect(new Set(signatures).size).toBe(1);
  });

  it("takes a Date and an ArrayBuffer body from another realm (a vm context, an iframe), where instanceof is false", () => {
    const [date, body] = runInNewContext("[new Date(Date.UTC(2015, 7, 30, 12, 36, 0)), new Uint8Array([97, 98, 99]).buffer]") as [Date, ArrayBuffer];
    expect([date instanceof Date, body instanceof ArrayBuffer]).toEqual([false, false]);
    const request = { method: "POST", url: "https://example.amazonaws.com/" };
    const signed = sign({ ...request, body }, iam({ date }));
    expect(signed.signature).toBe(sign({ ...request, body: "abc" }, iam()).signature);
    const received = { method: "POST", url: "/", headers: signed.headers, body };
    expect(verify(received, { getCredentials: () => ({ secretAccessKey: SECRET }), now: date }).ok).toBe(true);
    // The primitives take any byte source their errors name (ArrayBuffer too), beyond their types.
    expect(sha256(body as unknown as Uint8Array)).toEqual(sha256("abc"));
    expect(() => sign({ ...request, body: runInNewContext("({ byteLength: 3 })") }, iam())).toThrow(/body: a Object cannot be hashed/);
  });

  it("applies unsignedHeaders and signedHeaders, always keeping host and x-amz-date", () => {
    const request = { url: "https://example.amazonaws.com/", headers: { "x-a": "1", "x-b": "2", "user-agent": "ua" } };
    expect(sign(request, iam()).signedHeaders).toBe("host;x-a;x-amz-date;x-b");
    expect(sign(request, iam({ unsignedHeaders: ["X-B"] })).signedHeaders).toBe("host;x-a;x-amz-date");
    expect(sign(request, iam({ signedHeaders: ["x-b"] })).signedHeaders).toBe("host;x-amz-date;x-b");
  });

  it("keeps signing correctly when other HMACs and hashes run between signatures", () => {
    const signer = new Signer({ credentials: { accessKeyId: AKID, secretAccessKey: SECRET }, region: "us-east-1", service: "service" });
    for (let i = 0; i < 5; i++) {
      const signed = signer.sign({ url: `https://example.amazonaws.com/${i}` }, { date: "20150830T123600Z" });
      hmacSha256("another key", "clobbers the loaded HMAC key");
      sha256("and the hash context");
      expect(signed.signature).toBe(nodeSignature(signed.canonicalRequest, signed.amzDate, SECRET, "us-east-1", "service"));
    }
  });

  it("leaves the core's memory size unchanged after many signatures", () => {
    const before = core().fn.memory.buffer.byteLength;
    for (let i = 0; i < 20_000; i++) sign({ url: `https://example.amazonaws.com/?i=${i}` }, iam());
    expect(core().fn.memory.buffer.byteLength).toBe(before);
  });
});

describe("Signer key cache", () => {
  const base = { credentials: { accessKeyId: AKID, secretAccessKey: SECRET }, region: "us-east-1", service: "service" };
  const request = { url: "https://example.amazonaws.com/" };

  it("derives a key once per access key, day, region and service", () => {
    const signer = new Signer(base);
    signer.sign(request, { date: "20150830T123600Z" });
    signer.sign(request, { date: "20150830T235959Z" });
    expect(signer.cacheStats()).toEqual({ hits: 1, misses: 1, size: 1 });
    signer.sign(request, { date: "20150831T000000Z" });
    signer.sign(request, { date: "20150831T000000Z", region: "eu-west-1" });
    expect(signer.cacheStats()).toEqual({ hits: 1, misses: 3, size: 3 });
  });

  it("is bounded, dropping the least recently used key", () => {
    const signer = new Signer({ ...base, cacheSize: 2 });
    for (const day of ["01", "02", "01", "03", "01"]) signer.sign(request, { date: `201508${day}T000000Z` });
    // 01 miss, 02 miss, 01 hit, 03 miss (evicts 02), 01 hit
    expect(signer.cacheStats()).toEqual({ hits: 2, misses: 3, size: 2 });
    signer.sign(request, { date: "20150802T000000Z" });
    expect(signer.cacheStats().misses).toBe(4);
  });

  it("signs correctly with every key while evictions hand buffers from key to key", () => {
    const signer = new Signer({ ...base, cacheSize: 2 });
    const keys = ["k0", "k1", "k2", "k3"].map((k) => ({ accessKeyId: `AKID${k}`, secretAccessKey: `secret-${k}` }));
    const date = "20150830T123600Z";
    for (const i of [0, 1, 2, 0, 3, 3, 1, 2, 2, 0, 1, 3]) {
      const signed = signer.sign(request, { date, credentials: keys[i] });
      expect(signed.signature, `key ${i}`).toBe(nodeSignature(signed.canonicalRequest, date, keys[i].secretAccessKey, "us-east-1", "service"));
    }
    expect(signer.cacheStats().size).toBe(2);
  });

  it("derives afresh when the secret behind an access key id changes", () => {
    const signer = new Signer(base);
    const date = "20150830T123600Z";
    signer.sign(request, { date });
    const rotated = { accessKeyId: AKID, secretAccessKey: "a-rotated-secret" };
    const signed = signer.sign(request, { date, credentials: rotated });
    expect(signed.signature).toBe(nodeSignature(signed.canonicalRequest, date, "a-rotated-secret", "us-east-1", "service"));
    expect(signer.cacheStats().misses).toBe(2);
  });

  it("keeps the credentials it checked: a later change to the caller's object is not seen", () => {
    const credentials = { accessKeyId: AKID, secretAccessKey: SECRET, sessionToken: "token" };
    const signer = new Signer({ credentials, region: "us-east-1", service: "kms" });
    const before = signer.sign({ url: "https://kms.us-east-1.amazonaws.com/" }, { date: "20150830T123600Z" });
    Object.assign(credentials, { accessKeyId: "AKID/x,Signature=0", secretAccessKey: "", sessionToken: "tok\r\nX-Injected: 1" });
    const after = signer.sign({ url: "https://kms.us-east-1.amazonaws.com/" }, { date: "20150830T123600Z" });
    expect([after.authorization, after.headers["x-amz-security-token"]]).toEqual([before.authorization, "token"]);
    // Resolved afresh for another option, the changed object is checked again, and refused.
    expect(() => signer.sign({ url: "https://kms.us-east-1.amazonaws.com/" }, { region: "eu-west-1" })).toThrow(/accessKeyId/);
  });

  it("takes an option given as undefined as not given: the signer's own stays", () => {
    const config = { credentials: { accessKeyId: AKID, secretAccessKey: SECRET }, region: "us-east-1", service: "s3", expiresIn: 60, uriEncoding: "double" as const };
    const signer = new Signer(config);
    const request = { url: "https://b.s3.amazonaws.com/a%20b" };
    expect(signer.presign(request, { expiresIn: undefined }).url).toContain("X-Amz-Expires=60&");
    expect(signer.sign(request, { uriEncoding: undefined, date: "20150830T123600Z" }).canonicalRequest.split("\n")[1]).toBe("/a%2520b");
    expect(signer.sign(request, { region: undefined, service: undefined, date: "20150830T123600Z" }).credentialScope).toBe("20150830/us-east-1/s3/aws4_request");
    expect(signer.presign(request, { expiresIn: 120, uriEncoding: undefined }).url).toContain("X-Amz-Expires=120&");
  });

  it("signs with per-call credentials as sign() would, and checks them", () => {
    const signer = new Signer({ ...base, contentSha256Header: true });
    const other = { accessKeyId: "AKIDOTHER", secretAccessKey: "other-secret", sessionToken: "token" };
    const date = "20150830T123600Z";
    const viaSigner = signer.sign(request, { date, credentials: other });
    const direct = sign(request, { ...base, contentSha256Header: true, date, credentials: other });
    expect(viaSigner).toEqual(direct);
    expect(viaSigner.headers["x-amz-content-sha256"]).toBeDefined();
    expect(() => signer.sign(request, { date, credentials: { accessKeyId: "", secretAccessKey: "x" } })).toThrow(/options\.credentials\.accessKeyId/);
    expect(signer.presign(request, { date, credentials: other }).url).toBe(presign(request, { ...base, date, credentials: other }).url);
  });

  it("survives a change of core: cached keys are restored into the new instance", () => {
    const signer = new Signer(base);
    const first = signer.sign(request, { date: "20150830T123600Z" });
    useCore(CORES[1][1]);
    const again = signer.sign(request, { date: "20150830T123600Z" });
    useCore(CORES[0][1]);
    expect(again.signature).toBe(first.signature);
    expect(signer.cacheStats().hits).toBe(1);
  });

  // Results, errors, verification failures and explanations: test/secrets.test.ts.
});

describe("presigning a URL that already carries presigning parameters", () => {
  it("replaces them instead of sending two of each", () => {
    const first = presign({ url: `${BUCKET}/test.txt?versionId=3` }, { ...S3, expiresIn: 60 });
    const again = presign({ url: first.url }, { ...S3, expiresIn: 86400 });
    const names = new URL(again.url).searchParams;
    for (const name of ["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders", "X-Amz-Signature"]) {
      expect(names.getAll(name), name).toHaveLength(1);
    }
    expect(names.get("X-Amz-Expires")).toBe("86400");
    expect(names.get("versionId")).toBe("3");
    expect(again.signature).toBe(presign({ url: `${BUCKET}/test.txt?versionId=3` }, { ...S3, expiresIn: 86400 }).signature);
  });

  it("finds them in any case and percent-encoded, as a server reads names, and keeps every other parameter", () => {
    const variants = "x-amz-expires=604800&X-Amz-%45xpires=604800&X%2DAMZ-SIGNATURE=00&x-amz-security-token=t&X-Amz-Content-Sha256=UNSIGNED-PAYLOAD&x-amz-meta=1";
    const presigned = presign({ url: `${BUCKET}/test.txt?${variants}` }, { ...S3, expiresIn: 60 });
    const query = presigned.url.split("?")[1];
    expect(query.startsWith("X-Amz-Content-Sha256=UNSIGNED-PAYLOAD&x-amz-meta=1&X-Amz-Algorithm=")).toBe(true);
    const names = query.split("&").map((part) => part.split("=")[0].toLowerCase());
    for (const name of ["x-amz-expires", "x-amz-signature", "x-amz-security-token", "x-amz-algorithm"]) expect(names.filter((n) => n === name), name).toHaveLength(name === "x-amz-security-token" ? 0 : 1);
    expect(new URL(presigned.url).searchParams.get("X-Amz-Expires")).toBe("60");
  });
});

describe("signing-time reuse and the realm without TextEncoder/TextDecoder", () => {
  it("never reuses a previous date for an invalid one, however often it is repeated", () => {
    const request = { url: "https://example.amazonaws.com/" };
    expect(sign(request, iam({ date: "20150830T123600Z" })).amzDate).toBe("20150830T123600Z");
    for (let i = 0; i < 3; i++) expect(() => sign(request, iam({ date: "20150230T000000Z" }))).toThrow(/options\.date/);
    expect(sign(request, iam({ date: Date.UTC(2015, 7, 30, 12, 36, 1) })).amzDate).toBe("20150830T123601Z");
    expect(sign(request, iam({ date: "20150830T123600Z" })).amzDate).toBe("20150830T123600Z");
  });

  it("signs each call's own token and payload hash when they alternate (the last of each is reused)", () => {
    const tokens = ["token-a", "token  b", "token-a", "token-a", "IQoJ" + "x".repeat(1200)];
    const bodies = ["one", "two", "two", "one", ""];
    for (const [i, token] of tokens.entries()) {
      const credentials = { accessKeyId: AKID, secretAccessKey: SECRET, sessionToken: token };
      const signed = sign({ method: "PUT", url: `${BUCKET}/k`, body: bodies[i] }, { ...S3, credentials });
      const hash = createHash("sha256").update(bodies[i]).digest("hex");
      expect(signed.headers["x-amz-security-token"], `call ${i}`).toBe(token);
      expect(signed.headers["x-amz-content-sha256"], `call ${i}`).toBe(hash);
      expect(signed.canonicalRequest, `call ${i}`).toContain(`\nx-amz-content-sha256:${hash}\n`);
      expect(signed.canonicalRequest, `call ${i}`).toContain(`\nx-amz-security-token:${token.trim().replace(/ +/g, " ")}\n`);
      expect(signed.signature, `call ${i}`).toBe(nodeSignature(signed.canonicalRequest, signed.amzDate, SECRET, "us-east-1", "s3"));
    }
  });

  it("signs each call's own payload hash when only the body changes (the joined canonical request is reused only while both parts repeat)", () => {
    const request = (body: string) => ({ method: "POST", url: "https://example.amazonaws.com/x", headers: { "content-type": "text/plain" }, body });
    for (const [i, body] of ["one", "two", "two", "one", "", "one"].entries()) {
      const signed = sign(request(body), iam());
      const hash = createHash("sha256").update(body).digest("hex");
      expect(signed.canonicalRequest.endsWith(`\ncontent-type;host;x-amz-date\n${hash}`), `call ${i}`).toBe(true);
      expect(signed.signature, `call ${i}`).toBe(nodeSignature(signed.canonicalRequest, signed.amzDate, SECRET, "us-east-1", "iam"));
      if (i !== 2) continue;
      const presigned = presign(request(body), iam());
      expect(presigned.canonicalRequest.endsWith(`\n${hash}`)).toBe(true);
      expect(presigned.signature).toBe(nodeSignature(presigned.canonicalRequest, presigned.canonicalRequest.match(/X-Amz-Date=(\w+)/)![1], SECRET, "us-east-1", "iam"));
    }
  });

  it("keeps the token in the query when presigning between signed calls that send it as a header", () => {
    const credentials = { accessKeyId: AKID, secretAccessKey: SECRET, sessionToken: "tok/en+==" };
    const request = { url: "https://example.amazonaws.com/x" };
    for (let i = 0; i < 2; i++) {
      const signed = sign(request, iam({ credentials }));
      expect(signed.canonicalRequest).toContain("\nx-amz-security-token:tok/en+==\n");
      expect(signed.signature).toBe(nodeSignature(signed.canonicalRequest, signed.amzDate, SECRET, "us-east-1", "iam"));
      const presigned = presign(request, iam({ credentials }));
      expect(presigned.canonicalRequest).not.toContain("x-amz-security-token:");
      expect(presigned.canonicalRequest).toContain("X-Amz-Security-Token=tok%2Fen%2B%3D%3D");
      expect(presigned.signature).toBe(nodeSignature(presigned.canonicalRequest, "20150830T123600Z", SECRET, "us-east-1", "iam"));
    }
  });

  it("signs a body hashed in the signing call as one whose hash is given, for every body the core takes in that call and the ones it does not", () => {
    const request = (body: string | Uint8Array) => ({ method: "POST", url: "https://kms.us-east-1.amazonaws.com/", headers: { "content-type": "application/x-amz-json-1.1" }, body });
    const half = core().inputSize / 2;
    // [label, body, whether the signing call takes it]: the call reads its body from INPUT's upper half.
    const bodies: [string, string | Uint8Array, boolean][] = [
      ["one byte", "x", true],
      ["JSON", JSON.stringify({ KeyId: "alias/k", Message: "m".repeat(500) }), true],
      ["non-ASCII", "€🙂".repeat(100), true],
      ["bytes", new Uint8Array(1000).map((_, i) => i * 7 + 1), true],
      ["the longest string taken (3 bytes per character at most)", "a".repeat(Math.floor(half / 3)), true],
      ["one character more", "a".repeat(Math.floor(half / 3) + 1), false],
      ["the most bytes taken", new Uint8Array(half).fill(1), true],
      ["one byte more", new Uint8Array(half + 1).fill(1), false],
    ];
    for (const [label, body, taken] of bodies) {
      const hash = createHash("sha256").update(body).digest("hex");
      const { mem, input } = core();
      mem.fill(0, input + half, input + 2 * half);
      const signed = sign(request(body), iam({ service: "kms" }));
      const bytes = typeof body === "string" ? Buffer.from(body) : body;
      expect(Buffer.from(mem.subarray(input + half, input + half + bytes.length)).equals(Buffer.from(bytes)), label).toBe(taken);
      const given = sign(request(body), iam({ service: "kms", payload: { sha256: hash } }));
      expect(signed.canonicalRequest, label).toBe(given.canonicalRequest);
      expect(signed.canonicalRequest.endsWith(`\n${hash}`), label).toBe(true);
      expect(signed.stringToSign, label).toBe(given.stringToSign);
      expect(signed.signature, label).toBe(given.signature);
      expect(signed.signature, label).toBe(nodeSignature(signed.canonicalRequest, signed.amzDate, SECRET, "us-east-1", "kms"));
    }
    // Canonical request lines (ASCII here) up to the most INPUT's lower half takes for any text (3 bytes
    // a character, and the hash after them) share the call with the body; longer ones, and lines that
    // would run into the body, go with the body hashed first.
    const withLines = (n: number, payload?: { sha256: string }) =>
      sign({ ...request("{}"), headers: { "x-amz-meta-long": "v".repeat(n) } }, iam({ service: "kms", payload }));
    const others = withLines(1).canonicalRequest.length - 64 - 1;
    const most = Math.floor((half - 64) / 3);
    const hash = createHash("sha256").update("{}").digest("hex");
    for (const [n, taken] of [[most - others, true], [most - others + 1, false], [half, false]] as const) {
      const { mem, input } = core();
      mem.fill(0, input + half, input + 2 * half);
      const signed = withLines(n);
      expect(signed.canonicalRequest.length - 64, `lines of ${n}`).toBe(others + n);
      expect(Buffer.from(mem.subarray(input + half, input + half + 2)).toString() === "{}", `lines of ${n}`).toBe(taken);
      expect(signed.canonicalRequest.endsWith(`\n${hash}`), `lines of ${n}`).toBe(true);
      expect(signed.signature, `lines of ${n}`).toBe(withLines(n, { sha256: hash }).signature);
    }
  });

  it("signs identically with the library's own UTF-8 encoder and ASCII decoder", async () => {
    const { setNativeUtf8 } = await import("../bindings/utf8.js");
    const request = { url: "https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08", headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" } };
    const native = sign(request, iam());
    setNativeUtf8(false);
    try {
      const own = sign(request, iam());
      expect(own.signature).toBe("5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
      expect(own.stringToSign).toBe(native.stringToSign);
    } finally {
      setNativeUtf8(true);
    }
  });
});

describe("the signed request's header record", () => {
  const options = { credentials: { accessKeyId: "AKID", secretAccessKey: "secret" }, region: "us-east-1", service: "iam", date: "20150830T123600Z" };

  it("joins repeated names in request order, with few headers and with many", () => {
    for (const extra of [0, 30]) {
      const headers: [string, string][] = [["x-a", "1"], ["x-b", "2"], ["x-a", "3"]];
      for (let i = 0; i < extra; i++) headers.push([`x-n${i}`, String(i)], ["x-b", `r${i}`]);
      const signed = sign({ url: "https://iam.amazonaws.com/", headers }, options);
      expect(signed.headers["x-a"]).toBe("1,3");
      expect(signed.headers["x-b"]).toBe(["2", ...Array.from({ length: extra }, (_, i) => `r${i}`)].join(","));
      if (extra > 0) expect(signed.headers[`x-n${extra - 1}`]).toBe(String(extra - 1));
    }
  });

  it("keeps a header named __proto__ as a header, not as the record's prototype", () => {
    const signed = sign({ url: "https://iam.amazonaws.com/", headers: [["__proto__", "x"], ["x-a", "1"]] }, options);
    expect(Object.getPrototypeOf(signed.headers)).toBe(Object.prototype);
    expect(Object.prototype.hasOwnProperty.call(signed.headers, "__proto__")).toBe(true);
    expect(signed.headers["__proto__" as string]).toBe("x");
    expect(signed.signedHeaders).toBe("__proto__;host;x-a;x-amz-date");
  });

  it("lists host first, then the caller's headers in their order, then what the signer adds", () => {
    const signed = sign({ url: "https://iam.amazonaws.com/", headers: { "x-b": "1", "content-type": "t", "x-a": "2" } }, options);
    expect(Object.keys(signed.headers)).toEqual(["host", "x-b", "content-type", "x-a", "x-amz-date", "authorization"]);
  });

  it("signs a header value of millions of words (no regular expression runs out of stack)", () => {
    const value = "a ".repeat(3_400_000) + "a";
    const signed = sign({ url: "https://iam.amazonaws.com/", headers: { "x-big": value, "x-untrimmed": " " + value } }, options);
    expect(signed.headers["x-big"]).toBe(value);
    expect(signed.canonicalRequest).toContain(`x-big:${value}\nx-untrimmed:${value}\n`);
  });
});
