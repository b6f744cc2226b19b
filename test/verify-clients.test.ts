// Real clients, not written here, sign requests against the loopback verify server with fake
// credentials and the real current time: the AWS SDK for JavaScript v3 (STS, KMS, S3, the S3
// presigner) and curl --aws-sigv4. Every request must verify; a wrong secret must come back as
// the error each SDK expects, parsed from the server's AWS-style error body.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { STSClient, GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { KMSClient, SignCommand } from "@aws-sdk/client-kms";
import { S3Client, PutObjectCommand, GetObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { startVerifyServer, type VerifyServer, type VerifiedRequest } from "../bindings/server.js";
import type { ServerResponse } from "node:http";

// The S3 API Reference's example key pair: fake, and never a real secret.
const KEY = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" };
const WRONG = { accessKeyId: KEY.accessKeyId, secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYWRONGKEY00" };
const REGION = "us-east-1";

const objects = new Map<string, Uint8Array>();

/** Answers what each client expects of a successful call. */
function handler(request: VerifiedRequest, response: ServerResponse): void {
  const { service } = request.result;
  if (service === "sts") {
    response.writeHead(200, { "content-type": "text/xml" });
    response.end(
      '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>' +
        `<Arn>arn:aws:iam::123456789012:user/${request.result.accessKeyId}</Arn><UserId>AIDAEXAMPLE</UserId><Account>123456789012</Account>` +
        "</GetCallerIdentityResult><ResponseMetadata><RequestId>0</RequestId></ResponseMetadata></GetCallerIdentityResponse>",
    );
  } else if (service === "kms") {
    const input = JSON.parse(new TextDecoder().decode(request.body)) as { KeyId: string; SigningAlgorithm: string };
    response.writeHead(200, { "content-type": "application/x-amz-json-1.1" });
    response.end(JSON.stringify({ KeyId: input.KeyId, Signature: Buffer.from("signature").toString("base64"), SigningAlgorithm: input.SigningAlgorithm }));
  } else if (service === "s3" && request.method === "PUT") {
    objects.set(request.url.split("?")[0], request.body);
    response.writeHead(200, { etag: '"0"' }).end();
  } else if (service === "s3") {
    const body = objects.get(request.url.split("?")[0]);
    if (body === undefined) response.writeHead(404, { "content-type": "application/xml" }).end("<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>");
    else response.writeHead(200, { "content-type": "application/octet-stream", "content-length": String(body.length) }).end(body);
  } else {
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(request.result));
  }
}

let server: VerifyServer;

beforeAll(async () => {
  server = await startVerifyServer({ credentials: { [KEY.accessKeyId]: { secretAccessKey: KEY.secretAccessKey } }, regions: [REGION], handler });
});

afterAll(async () => {
  await server?.close();
});

/** The verification results of the requests since `from`. */
function since(from: number) {
  return server.requests.slice(from).map((r) => r.result);
}

const clientConfig = (credentials = KEY) => ({ endpoint: server.url, region: REGION, credentials, maxAttempts: 1 });

describe("AWS SDK for JavaScript v3", () => {
  it("STS GetCallerIdentity verifies", async () => {
    const from = server.requests.length;
    const out = await new STSClient(clientConfig()).send(new GetCallerIdentityCommand({}));
    expect(out.Account).toBe("123456789012");
    expect(since(from)).toEqual([expect.objectContaining({ ok: true, service: "sts", region: REGION, accessKeyId: KEY.accessKeyId, location: "header", payload: "signed" })]);
  });

  it("STS with a wrong secret gets SignatureDoesNotMatch with both strings in its message", async () => {
    const error = await new STSClient(clientConfig(WRONG)).send(new GetCallerIdentityCommand({})).catch((e: Error) => e);
    expect(error).toMatchObject({ name: "SignatureDoesNotMatch", $metadata: { httpStatusCode: 403 } });
    expect((error as Error).message).toContain("The Canonical String for this request should have been\n'POST\n/\n");
    expect((error as Error).message).not.toContain(KEY.secretAccessKey);
  });

  it("KMS Sign verifies", async () => {
    const from = server.requests.length;
    const out = await new KMSClient(clientConfig()).send(
      new SignCommand({ KeyId: "alias/example", Message: new TextEncoder().encode("message"), MessageType: "RAW", SigningAlgorithm: "RSASSA_PKCS1_V1_5_SHA_256" }),
    );
    expect(out.KeyId).toBe("alias/example");
    expect(since(from)).toEqual([expect.objectContaining({ ok: true, service: "kms", payload: "signed" })]);
  });

  it("KMS with a wrong secret gets InvalidSignatureException (the JSON protocol's name)", async () => {
    const command = new SignCommand({ KeyId: "alias/example", Message: new Uint8Array([1]), MessageType: "RAW", SigningAlgorithm: "RSASSA_PKCS1_V1_5_SHA_256" });
    const error = await new KMSClient(clientConfig(WRONG)).send(command).catch((e: Error) => e);
    expect(error).toMatchObject({ name: "InvalidSignatureException", $metadata: { httpStatusCode: 400 } });
  });

  const BUCKET = "examplebucket";
  const OBJECT_KEY = "photos/summer 2015/été ☀ (1)+copy.txt";
  const s3 = () => new S3Client({ ...clientConfig(), forcePathStyle: true });

  it("S3 PutObject and GetObject of a key with spaces and unicode verify", async () => {
    const from = server.requests.length;
    await s3().send(new PutObjectCommand({ Bucket: BUCKET, Key: OBJECT_KEY, Body: "Welcome to Amazon S3.", ContentType: "text/plain" }));
    const got = await s3().send(new GetObjectCommand({ Bucket: BUCKET, Key: OBJECT_KEY }));
    expect(await got.Body?.transformToString()).toBe("Welcome to Amazon S3.");
    const results = since(from);
    expect(results).toHaveLength(2);
    for (const result of results) expect(result).toMatchObject({ ok: true, service: "s3", location: "header" });
  });

  it("S3 with a wrong secret gets SignatureDoesNotMatch, parsed from S3's XML", async () => {
    const error = await new S3Client({ ...clientConfig(WRONG), forcePathStyle: true })
      .send(new GetObjectCommand({ Bucket: BUCKET, Key: OBJECT_KEY }))
      .catch((e: Error) => e);
    expect(error).toMatchObject({ name: "SignatureDoesNotMatch", $metadata: { httpStatusCode: 403 } });
  });

  it("an @aws-sdk/s3-request-presigner URL verifies when fetched", async () => {
    await s3().send(new PutObjectCommand({ Bucket: BUCKET, Key: OBJECT_KEY, Body: "presigned" }));
    const url = await getSignedUrl(s3(), new GetObjectCommand({ Bucket: BUCKET, Key: OBJECT_KEY }), { expiresIn: 600 });
    const from = server.requests.length;
    const response = await fetch(url);
    expect([response.status, await response.text()]).toEqual([200, "presigned"]);
    expect(since(from)).toEqual([expect.objectContaining({ ok: true, location: "query", payload: "unsigned" })]);
  });
});

describe("curl --aws-sigv4", () => {
  // Asynchronous: the server answers from this process's event loop.
  const curl = (...args: string[]) =>
    promisify(execFile)("curl", ["--silent", "--show-error", "--fail-with-body", "--aws-sigv4", `aws:amz:${REGION}:service`, "--user", `${KEY.accessKeyId}:${KEY.secretAccessKey}`, ...args], {
      encoding: "utf8",
      timeout: 30_000,
    });

  it.each([
    ["a GET", [`/reports/2015/q3.csv`]],
    ["a GET with a query", [`/items?after=abc&limit=10`]],
    ["a POST with a body and a header", [`/items`, "-H", "x-amz-meta-color: sea blue", "--data-binary", '{"name":"beach"}']],
  ])("%s verifies", async (_name, [path, ...rest]) => {
    const from = server.requests.length;
    const result = await curl(`${server.url}${path}`, ...rest);
    expect(since(from)).toEqual([expect.objectContaining({ ok: true, service: "service", region: REGION, location: "header" })]);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, accessKeyId: KEY.accessKeyId });
  });

  // curl 7.88 signs the query in the order it is written; SigV4 sorts it (AWS SigV4 documentation,
  // "Create a canonical request"), so AWS refuses such a request, and so does the verifier.
  it("an unsorted query (which curl 7.88 signs unsorted) is refused, with the sorted canonical query", async () => {
    const from = server.requests.length;
    const error = await curl(`${server.url}/items?limit=10&after=abc`).catch((e: { code: number; stdout: string }) => e);
    expect(error).toMatchObject({ code: 22 });
    const [result] = since(from);
    expect(result).toMatchObject({ ok: false, code: "SignatureDoesNotMatch", status: 403 });
    expect(result.ok === false && result.canonicalRequest?.split("\n")[2]).toBe("after=abc&limit=10");
  });
});
