// Secrets (the secret access key, and the keys derived from it) never appear in results, errors,
// verification failures or diagnostics, whatever the input.
import { describe, it, expect } from "vitest";
import { sign, presign, Signer, verify, explain, SigningError } from "../bindings/index.js";
import { nodeSigningKey } from "./oracle.js";

const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: SECRET };
const options = { credentials, region: "us-east-1", service: "iam", date: "20150830T123600Z" };
const request = { url: "https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08" };

// The secret, and kDate … kSigning in hex and base64: none of them may leak.
const kSigning = nodeSigningKey(SECRET, "20150830", "us-east-1", "iam");
const FORBIDDEN = [SECRET, "AWS4" + SECRET, kSigning.toString("hex"), kSigning.toString("base64")];

function expectClean(text: string): void {
  for (const secret of FORBIDDEN) expect(text).not.toContain(secret);
}

function thrown(call: () => unknown): SigningError {
  try {
    call();
  } catch (e) {
    expect(e).toBeInstanceOf(SigningError);
    return e as SigningError;
  }
  throw new Error("expected a SigningError");
}

describe("secrets", () => {
  it("are not in signing results or key-cache statistics", () => {
    const signer = new Signer(options);
    expectClean(JSON.stringify(signer.sign(request)));
    expectClean(JSON.stringify(presign(request, options)));
    expectClean(JSON.stringify(signer.cacheStats()));
  });

  it("are not in the message or fields of any signing error", () => {
    const calls: (() => unknown)[] = [
      () => sign({ ...request, headers: { "x-a": "line\r\nbreak" } }, options),
      () => sign({ ...request, headers: { "x-a": "é" } }, options),
      () => sign(request, { ...options, date: "not a date" }),
      () => presign(request, { ...options, expiresIn: 604801 }),
      () => sign({ url: "https://iam.amazonaws.com/?a=%zz" }, options),
      () => sign({ ...request, body: "x" }, { ...options, payloadHasher: { minBytes: 0, sha256Hex: () => SECRET } }),
      () => sign(request, { ...options, credentials: { ...credentials, sessionToken: "bad\ntoken" } }),
      () => sign(request, { ...options, region: SECRET }),
    ];
    for (const call of calls) {
      const error = thrown(call);
      expectClean(`${error.message} ${error.field} ${error.code} ${String(error.stack)}`);
    }
  });

  it("are not in a refused verification or in an explanation", () => {
    const signed = sign({ ...request, headers: { "x-amz-meta-a": "1" } }, options);
    const tampered = { ...signed.headers, "x-amz-meta-a": "2" };
    const result = verify(
      { method: "GET", url: signed.url, headers: tampered },
      { getCredentials: () => ({ secretAccessKey: SECRET }), now: options.date },
    );
    expect(result).toMatchObject({ ok: false, code: "SignatureDoesNotMatch" });
    expectClean(JSON.stringify(result));
    if (result.ok) return;
    expect(result.message).toContain("The Canonical String for this request should have been");
    const explanation = explain({ client: { request: { ...request, headers: { "x-amz-meta-a": "1" } }, options }, response: JSON.stringify({ message: result.message }) });
    expect(explanation.difference?.component).toBe("header");
    expectClean(JSON.stringify(explanation));
  });
});
