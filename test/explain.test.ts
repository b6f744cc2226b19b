// explain(): from what a client signed and the error body an AWS service sent, the first part
// that differs and its likely cause. The service side is an error body in each of the shapes AWS
// sends (S3 XML, query XML, JSON, the bare message), either written out as AWS writes it or made
// by the verifier from a request changed the way the cause changes it.
import { createHash } from "node:crypto";
import { describe, it, expect } from "vitest";
import { sign, presign, type HttpRequest, type SignOptions } from "../bindings/index.js";
import { explain, type ExplainInput } from "../bindings/explain/explain.js";
import { parseErrorBody } from "../bindings/explain/parse-error-body.js";
import { lineDiff } from "../bindings/explain/diff.js";
import { formatExplanation } from "../bindings/explain/format.js";
import { verify } from "../bindings/verify/verify.js";
import { errorResponse } from "../bindings/server/error-response.js";
import type { VerifyRequest, VerifyOptions } from "../bindings/verify/types.js";

const AKID = "AKIDEXAMPLE";
const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const credentials = { accessKeyId: AKID, secretAccessKey: SECRET };
const DATE = "20150830T123600Z";
const EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
const sha = (t: string) => createHash("sha256").update(t).digest("hex");

/** The error body the verifier (answering as AWS) sends for `request`, as a server would send it. */
function serviceBody(request: VerifyRequest, extra: Partial<VerifyOptions> = {}, contentType?: string): string {
  const result = verify(request, { getCredentials: (id) => (id === AKID ? { secretAccessKey: SECRET } : undefined), now: DATE, ...extra });
  if (result.ok) throw new Error("the changed request still verifies");
  return errorResponse(result, contentType, "request-id").body;
}

/** A signed request as the server receives it, with changes. */
function receivedAs(request: HttpRequest, options: SignOptions, change: (r: VerifyRequest) => VerifyRequest): VerifyRequest {
  const signed = sign(request, options);
  const target = signed.url.slice(signed.url.indexOf("/", 8));
  return change({ method: signed.method, url: target, headers: { ...signed.headers }, body: request.body as string | undefined });
}

function explained(input: ExplainInput) {
  const e = explain(input);
  expect(JSON.stringify(e)).not.toContain(SECRET);
  expect(formatExplanation(e)).not.toContain(SECRET);
  return e;
}

const iam = { credentials, region: "us-east-1", service: "iam", date: DATE };
const s3 = { credentials, region: "us-east-1", service: "s3", date: DATE };

describe("reading error bodies", () => {
  it("reads S3's XML, preferring the exact bytes of StringToSignBytes / CanonicalRequestBytes", () => {
    const sts = "AWS4-HMAC-SHA256\r\n20150830T123600Z";
    const bytes = Buffer.from(sts).toString("hex").match(/../g)?.join(" ");
    const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided. Check your key and signing method.</Message><AWSAccessKeyId>${AKID}</AWSAccessKeyId><StringToSign>AWS4-HMAC-SHA256\n20150830T123600Z</StringToSign><SignatureProvided>00</SignatureProvided><StringToSignBytes>${bytes}</StringToSignBytes><CanonicalRequest>GET\n/\na=1&amp;b=2\n</CanonicalRequest><RequestId>1</RequestId><HostId>2</HostId></Error>`;
    expect(parseErrorBody(body)).toMatchObject({ format: "s3-xml", code: "SignatureDoesNotMatch", stringToSign: sts, canonicalRequest: "GET\n/\na=1&b=2\n", fields: { AWSAccessKeyId: AKID } });
  });

  it("reads STS's query XML, whose message carries both strings (boto/boto3#756)", () => {
    const body = `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <Error>
    <Type>Sender</Type>
    <Code>SignatureDoesNotMatch</Code>
    <Message>The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.

The Canonical String for this request should have been
'GET
/
Action=GetCallerIdentity&amp;Version=2011-06-15
host:sts.amazonaws.com

host
${EMPTY}'

The String-to-Sign should have been
'AWS4-HMAC-SHA256
20160806T155459Z
20160806/us-east-1/sts/aws4_request
5e532c23d9acaaf195fc5292ad8321f70ea77a2cc62e47cb0473c1cebdb54e2f'
</Message>
  </Error>
  <RequestId>f1dfd149-5bee-11e6-90ab-4b1e521fd574</RequestId>
</ErrorResponse>`;
    const report = parseErrorBody(body);
    expect(report).toMatchObject({ format: "query-xml", code: "SignatureDoesNotMatch" });
    expect(report.canonicalRequest).toBe(`GET\n/\nAction=GetCallerIdentity&Version=2011-06-15\nhost:sts.amazonaws.com\n\nhost\n${EMPTY}`);
    expect(report.stringToSign?.split("\n")[2]).toBe("20160806/us-east-1/sts/aws4_request");
  });

  it("reads a JSON body (DynamoDB, KMS) with the namespaced __type", () => {
    const body = JSON.stringify({
      __type: "com.amazon.coral.service#InvalidSignatureException",
      message: `The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\nThe Canonical String for this request should have been\n'POST\n/\n\nhost:dynamodb.ap-southeast-2.amazonaws.com\n\nhost\n${EMPTY}'\n\nThe String-to-Sign should have been\n'AWS4-HMAC-SHA256\n20130609T100759Z\n20130609/ap-southeast-2/dynamodb/aws4_request\n7b8b82a032afd6014771e3375813fc995dd167b7b3a133a0b86e5925cb000ec5'\n`,
    });
    const report = parseErrorBody(body);
    expect(report).toMatchObject({ format: "json", code: "InvalidSignatureException" });
    expect(report.canonicalRequest?.split("\n")[3]).toBe("host:dynamodb.ap-southeast-2.amazonaws.com");
  });

  it("reads the bare message an SDK prints, with a leading code", () => {
    expect(parseErrorBody("SignatureDoesNotMatch: Signature expired: 20160609T184512Z is now earlier than 20160610T013008Z (20160610T014508Z - 15 min.)")).toMatchObject({
      format: "text",
      code: "SignatureDoesNotMatch",
      message: "Signature expired: 20160609T184512Z is now earlier than 20160610T013008Z (20160610T014508Z - 15 min.)",
    });
  });

  it("keeps quotes inside the strings (a header value with an apostrophe)", () => {
    const creq = `GET\n/\n\nhost:h\nx-note:it's\n\nhost;x-note\n${EMPTY}`;
    const message = `The request signature we calculated does not match the signature you provided.\n\nThe Canonical String for this request should have been\n'${creq}'\n\nThe String-to-Sign should have been\n'AWS4-HMAC-SHA256\nx\ny\nz'\n`;
    expect(parseErrorBody(JSON.stringify({ message })).canonicalRequest).toBe(creq);
  });
});

describe("line diff", () => {
  it("marks the lines only one side has, in order", () => {
    expect(lineDiff("a\nb\nc", "a\nB\nc")).toEqual([
      { side: "same", text: "a" },
      { side: "client", text: "b" },
      { side: "service", text: "B" },
      { side: "same", text: "c" },
    ]);
  });
});

describe("causes", () => {
  it("a body changed after hashing (S3's XML)", () => {
    const request = { method: "PUT", url: "https://examplebucket.s3.amazonaws.com/k", body: "Welcome to Amazon S3." };
    const body = serviceBody(receivedAs(request, s3, (r) => ({ ...r, headers: { ...(r.headers as Record<string, string>), "x-amz-content-sha256": sha("Welcome to Amazon S3!") } })));
    const e = explained({ client: { request, options: s3 }, response: body });
    expect(e).toMatchObject({ code: "SignatureDoesNotMatch", cause: "body-changed" });
    expect(e.summary).toMatch(/changed after it was hashed/);
  });

  it("a body changed after hashing (S3's XAmzContentSHA256Mismatch, no strings)", () => {
    const request = { method: "PUT", url: "https://examplebucket.s3.amazonaws.com/k", body: "Welcome to Amazon S3." };
    const body = serviceBody(receivedAs(request, s3, (r) => ({ ...r, body: "Welcome to Amazon S3!" })));
    expect(explained({ client: { request, options: s3 }, response: body })).toMatchObject({ code: "XAmzContentSHA256Mismatch", cause: "body-changed" });
  });

  it("a body changed after hashing (a JSON-protocol service, the payload line of the canonical request)", () => {
    const request = { method: "POST", url: "https://kms.us-east-1.amazonaws.com/", headers: { "content-type": "application/x-amz-json-1.1" }, body: '{"KeyId":"k"}' };
    const kms = { ...iam, service: "kms" };
    const body = serviceBody(receivedAs(request, kms, (r) => ({ ...r, body: '{"KeyId": "k"}' })), {}, "application/x-amz-json-1.1");
    expect(JSON.parse(body).__type).toBe("InvalidSignatureException");
    const e = explained({ client: { request, options: kms }, response: body });
    expect(e).toMatchObject({ cause: "body-changed", difference: { component: "payload-hash", client: sha('{"KeyId":"k"}'), service: sha('{"KeyId": "k"}') } });
  });

  it("a header changed by a proxy (query XML)", () => {
    const request = { method: "POST", url: "https://sts.amazonaws.com/", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "Action=GetCallerIdentity&Version=2011-06-15" };
    const sts = { ...iam, service: "sts" };
    const body = serviceBody(receivedAs(request, sts, (r) => ({ ...r, headers: { ...(r.headers as Record<string, string>), "content-type": "application/x-www-form-urlencoded; charset=utf-8" } })));
    const e = explained({ client: { request, options: sts }, response: body });
    expect(e).toMatchObject({ cause: "header-changed", difference: { component: "header", name: "content-type", client: "application/x-www-form-urlencoded", service: "application/x-www-form-urlencoded; charset=utf-8" } });
    expect(e.canonicalRequestDiff).toContainEqual({ side: "service", text: "content-type:application/x-www-form-urlencoded; charset=utf-8" });
  });

  it("a signed header dropped on the way", () => {
    const request = { url: "https://iam.amazonaws.com/", headers: { "x-amz-meta-trace": "abc" } };
    const body = serviceBody(receivedAs(request, iam, (r) => {
      const { "x-amz-meta-trace": _, ...headers } = r.headers as Record<string, string>;
      return { ...r, headers };
    }));
    expect(explained({ client: { request, options: iam }, response: body })).toMatchObject({ cause: "header-missing", difference: { name: "x-amz-meta-trace" } });
  });

  it("another host than signed (a proxy, another port)", () => {
    const request = { url: "https://iam.amazonaws.com/" };
    const body = serviceBody(receivedAs(request, iam, (r) => ({ ...r, headers: { ...(r.headers as Record<string, string>), host: "iam.amazonaws.com:8443" } })));
    const e = explained({ client: { request, options: iam }, response: body });
    expect(e).toMatchObject({ cause: "header-changed", difference: { name: "host" } });
    expect(e.summary).toMatch(/another endpoint or port/);
  });

  it("a path encoded twice (S3 signed with double encoding)", () => {
    const request = { url: "https://examplebucket.s3.amazonaws.com/my%20photo.jpg" };
    const body = serviceBody(receivedAs(request, { ...s3, uriEncoding: "double" }, (r) => r));
    const e = explained({ client: { request, options: { ...s3, uriEncoding: "double" } }, response: body });
    expect(e).toMatchObject({ cause: "path-double-encoded", difference: { component: "path", client: "/my%2520photo.jpg", service: "/my%20photo.jpg" } });
  });

  it("a path encoded once for a service that encodes it twice", () => {
    const request = { url: "https://abc.execute-api.us-east-1.amazonaws.com/prod/a%20b" };
    const api = { ...iam, service: "execute-api" };
    const body = serviceBody(receivedAs(request, { ...api, uriEncoding: "single" }, (r) => r));
    expect(explained({ client: { request, options: { ...api, uriEncoding: "single" } }, response: body })).toMatchObject({ cause: "path-single-encoded" });
  });

  it("a presigned URL used with another method", () => {
    const request = { url: "https://examplebucket.s3.amazonaws.com/k" };
    const p = presign(request, s3);
    const body = serviceBody({ method: "PUT", url: p.url.slice(p.url.indexOf("/", 8)), headers: { host: "examplebucket.s3.amazonaws.com" } });
    expect(explained({ client: { request, options: s3, presigned: true }, response: body })).toMatchObject({ cause: "method-changed", difference: { client: "GET", service: "PUT" } });
  });

  it("a query parameter added after signing", () => {
    const request = { url: "https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08" };
    const body = serviceBody(receivedAs(request, iam, (r) => ({ ...r, url: `${r.url as string}&x-id=ListUsers` })));
    const e = explained({ client: { request, options: iam }, response: body });
    expect(e).toMatchObject({ cause: "query-changed", difference: { component: "query", name: "x-id" } });
  });

  it("a raw '+' in the query signed as a plus (%2B, as smithy and awscrt sign it): the service read a space", () => {
    const request = { url: "https://sts.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15&tag=a+b" };
    // The client's signature (over %2B) is not the one the service computes (over %20).
    const body = serviceBody(receivedAs(request, { ...iam, service: "sts" }, (r) => {
      const headers = r.headers as Record<string, string>;
      return { ...r, headers: { ...headers, authorization: headers.authorization.replace(/Signature=\w/, "Signature=0") } };
    }));
    const smithyLike = sign(request, { ...iam, service: "sts" }).canonicalRequest.replace("tag=a%20b", "tag=a%2Bb");
    const e = explained({ client: { canonicalRequest: smithyLike }, response: body });
    expect(e).toMatchObject({ cause: "query-changed", difference: { component: "query", name: "tag" } });
    expect(e.summary).toContain("AWS reads '+' in a query as a space (%20)");
  });

  it("clock skew: Signature expired (query XML, as STS sends it)", () => {
    const body = `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>SignatureDoesNotMatch</Code><Message>Signature expired: 20150830T123600Z is now earlier than 20150830T125100Z (20150830T130600Z - 15 min.)</Message></Error><RequestId>1</RequestId></ErrorResponse>`;
    const e = explained({ client: { request: { url: "https://sts.amazonaws.com/" }, options: { ...iam, service: "sts" } }, response: body });
    expect(e).toMatchObject({ cause: "clock-skew", difference: { component: "date", client: "20150830T123600Z", service: "20150830T130600Z" } });
    expect(e.summary).toContain("1800 s behind");
  });

  it("clock skew: S3's RequestTimeTooSkewed, and Signature not yet current", () => {
    const request = { url: "https://examplebucket.s3.amazonaws.com/k" };
    const body = serviceBody(receivedAs(request, s3, (r) => r), { now: "20150830T130600Z" });
    expect(explained({ client: { request, options: s3 }, response: body })).toMatchObject({ code: "RequestTimeTooSkewed", cause: "clock-skew" });
    const ahead = explained({ client: { canonicalRequest: "GET\n/\n\nhost:h\n\nhost\n" + EMPTY }, response: "Signature not yet current: 20150830T123600Z is still later than 20150830T122100Z (20150830T120600Z + 15 min.)" });
    expect(ahead.summary).toContain("1800 s ahead of");
  });

  it("the wrong region (JSON, as KMS sends it; S3's XML names the right one)", () => {
    const kms = explained({ client: { canonicalRequest: "x" }, response: JSON.stringify({ __type: "InvalidSignatureException", message: "Credential should be scoped to a valid region, not 'us-west-2'. " }) });
    expect(kms).toMatchObject({ code: "InvalidSignatureException", cause: "wrong-region" });
    const request = { url: "https://examplebucket.s3.amazonaws.com/k" };
    const body = serviceBody(receivedAs(request, { ...s3, region: "us-west-2" }, (r) => r), { regions: ["eu-central-1"] });
    const e = explained({ client: { request, options: { ...s3, region: "us-west-2" } }, response: body });
    expect(e).toMatchObject({ code: "AuthorizationHeaderMalformed", cause: "wrong-region" });
    expect(e.summary).toContain("eu-central-1");
  });

  it("the wrong region or service, from the strings (scope of the string to sign)", () => {
    const creq = `GET\n/\n\nhost:h\nx-amz-date:${DATE}\n\nhost;x-amz-date\n${EMPTY}`;
    const mine = `AWS4-HMAC-SHA256\n${DATE}\n20150830/us-east-1/iam/aws4_request\n${sha(creq)}`;
    const theirs = (scope: string) => `The request signature we calculated does not match the signature you provided.\n\nThe Canonical String for this request should have been\n'${creq}'\n\nThe String-to-Sign should have been\n'AWS4-HMAC-SHA256\n${DATE}\n${scope}\n${sha(creq)}'\n`;
    expect(explained({ client: { canonicalRequest: creq, stringToSign: mine }, response: theirs("20150830/eu-west-1/iam/aws4_request") })).toMatchObject({ cause: "wrong-region", difference: { name: "region", client: "us-east-1", service: "eu-west-1" } });
    expect(explained({ client: { canonicalRequest: creq, stringToSign: mine }, response: theirs("20150830/us-east-1/sts/aws4_request") })).toMatchObject({ cause: "wrong-service", difference: { name: "service" } });
  });

  it("the wrong service (S3's message)", () => {
    const request = { url: "https://examplebucket.s3.amazonaws.com/k" };
    const body = serviceBody(receivedAs(request, { ...s3, service: "sts" }, (r) => r), { services: ["s3"] });
    expect(explained({ client: { request, options: { ...s3, service: "sts" } }, response: body })).toMatchObject({ cause: "wrong-service" });
  });

  it("a temporary key sent without its session token", () => {
    const body = `<ErrorResponse><Error><Type>Sender</Type><Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message></Error><RequestId>1</RequestId></ErrorResponse>`;
    const temporary = { ...iam, credentials: { accessKeyId: "ASIAIOSFODNN7EXAMPLE", secretAccessKey: SECRET } };
    const e = explained({ client: { request: { url: "https://iam.amazonaws.com/" }, options: temporary }, response: body });
    expect(e).toMatchObject({ cause: "session-token-missing" });
    expect(e.summary).toContain("ASIAIOSFODNN7EXAMPLE");
    const withToken = { ...temporary, credentials: { ...temporary.credentials, sessionToken: "token" } };
    expect(explained({ client: { request: { url: "https://iam.amazonaws.com/" }, options: withToken }, response: body }).cause).toBe("unknown-access-key");
    // Given the canonical request alone, a token is seen under S3 Express's names too.
    for (const line of ["x-amz-security-token:token", "x-amz-s3session-token:token"]) {
      const canonicalRequest = `GET\n/\n\nhost:h\n${line}\n\nhost;${line.split(":")[0]}\n${"0".repeat(64)}`;
      expect(explained({ client: { canonicalRequest, accessKeyId: "ASIAIOSFODNN7EXAMPLE" }, response: body }).cause, line).toBe("unknown-access-key");
    }
    expect(explained({ client: { canonicalRequest: `GET\n/\n\nhost:h\n\nhost\n${"0".repeat(64)}`, accessKeyId: "ASIAIOSFODNN7EXAMPLE" }, response: body }).cause).toBe("session-token-missing");
  });

  it("a secret that does not belong to the key, when both strings match", () => {
    const request = { url: "https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08" };
    const wrong = { ...iam, credentials: { accessKeyId: AKID, secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYOTHERKEY00" } };
    const body = serviceBody(receivedAs(request, wrong, (r) => r), {}, "application/x-amz-json-1.0");
    const e = explained({ client: { request, options: wrong }, response: body });
    expect(e).toMatchObject({ cause: "secret-mismatch" });
    expect(e.canonicalRequestDiff?.every((l) => l.side === "same")).toBe(true);
    expect(JSON.stringify(e)).not.toContain("OTHERKEY");
  });

  it("an expired presigned URL (S3)", () => {
    const request = { url: "https://examplebucket.s3.amazonaws.com/k" };
    const p = presign(request, { ...s3, expiresIn: 60 });
    const body = serviceBody({ method: "GET", url: p.url.slice(p.url.indexOf("/", 8)), headers: { host: "examplebucket.s3.amazonaws.com" } }, { now: "20150830T124000Z" });
    expect(explained({ client: { request, options: { ...s3, expiresIn: 60 }, presigned: true }, response: body })).toMatchObject({ code: "AccessDenied", cause: "presign-expired" });
  });

  it("an expired presigned URL (a service other than S3: RequestExpired)", () => {
    const request = { url: "https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08" };
    const p = presign(request, { ...iam, expiresIn: 60 });
    const body = serviceBody({ method: "GET", url: p.url.slice(p.url.indexOf("/", 8)), headers: { host: "iam.amazonaws.com" } }, { now: "20150830T124000Z" });
    expect(explained({ client: { request, options: { ...iam, expiresIn: 60 }, presigned: true }, response: body })).toMatchObject({ code: "RequestExpired", cause: "presign-expired" });
    expect(explained({ client: { canonicalRequest: `GET
/

host:ec2

host
${EMPTY}` }, response: "RequestExpired: Request has expired." })).toMatchObject({ cause: "clock-skew" });
  });

  it("prints the cause, the difference and the diffs for a terminal", () => {
    const request = { url: "https://iam.amazonaws.com/", headers: { "x-amz-meta-trace": "abc" } };
    const body = serviceBody(receivedAs(request, iam, (r) => ({ ...r, headers: { ...(r.headers as Record<string, string>), "x-amz-meta-trace": "abd" } })));
    const text = formatExplanation(explained({ client: { request, options: iam }, response: body }));
    expect(text).toContain("cause: header-changed");
    expect(text).toContain("first difference: header x-amz-meta-trace\n  client:  abc\n  service: abd");
    expect(text).toContain("- x-amz-meta-trace:abc\n+ x-amz-meta-trace:abd");
  });
});
