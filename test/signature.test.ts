// computeSignature (bindings/signature.ts) reads the signature and the string to sign out of the
// core in one decode, through TextDecoder and through the library's own decoder (realms without
// TextDecoder), keeps the prefix in the core while it repeats, and hashes a canonical request too
// long for INPUT in pieces. Against node:crypto, on every core.
import { describe, it, expect, beforeAll } from "vitest";
import { createHash, createHmac } from "node:crypto";
import { useCore, core } from "../bindings/wasm/instance.js";
import { loadSigningKey } from "../bindings/signing-key.js";
import { computeSignature } from "../bindings/signature.js";
import { setNativeUtf8 } from "../bindings/utf8.js";
import { CORES } from "./cores.js";

const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const kSigning = (region: string): Buffer =>
  [ "20150830", region, "iam", "aws4_request"].reduce<Buffer>((key, part) => createHmac("sha256", key).update(part).digest(), Buffer.from("AWS4" + SECRET));

function expected(region: string, creq: string, prefix: string) {
  const stringToSign = prefix + createHash("sha256").update(creq).digest("hex");
  return { stringToSign, signature: createHmac("sha256", kSigning(region)).update(stringToSign).digest("hex") };
}

describe.each(CORES)("computeSignature (%s core)", (_name, module) => {
  beforeAll(() => useCore(module));

  for (const [region, native] of [["us-east-1", true], ["eu-central-2", true], ["us-east-1", false], ["eu-central-2", false]] as const) {
    it(`returns the signature and the whole string to sign, region ${JSON.stringify(region)}, ${native ? "TextDecoder" : "own decoder"}`, () => {
      setNativeUtf8(native);
      const c = core();
      const prefix = `AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/${region}/iam/aws4_request\n`;
      for (const creq of ["GET\n/\n\nhost:a\n\nhost\n" + "0".repeat(64), "POST\n/x\na=b\nhost:b\n\nhost\n" + "1".repeat(64)]) {
        loadSigningKey(c, SECRET, "20150830", region, "iam", false);
        c.keyOwner = null;
        const got = computeSignature(c, creq, prefix);
        expect({ ...got }).toEqual(expected(region, creq, prefix));
      }
      setNativeUtf8(true);
    });
  }

  it("re-encodes the prefix whenever it differs from the one STS holds (alternating dates and regions)", () => {
    const c = core();
    const creq = "GET\n/\n\nhost:a\n\nhost\n" + "0".repeat(64);
    const cases = ["us-east-1", "eu-west-3", "us-east-1", "us-east-1", "eu-west-3"];
    for (const [i, region] of cases.entries()) {
      const prefix = `AWS4-HMAC-SHA256\n2015083${i % 2}T123600Z\n20150830/${region}/iam/aws4_request\n`;
      loadSigningKey(c, SECRET, "20150830", region, "iam", false);
      c.keyOwner = null;
      expect({ ...computeSignature(c, creq, prefix) }, `call ${i}`).toEqual(expected(region, creq, prefix));
    }
  });

  it("signs a canonical request too long for INPUT in one piece", () => {
    const c = core();
    const prefix = "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/iam/aws4_request\n";
    const before = "PUT\n/\n\nhost:a\nx-amz-meta:" + "a\u00e9".repeat(20000) + "\n\nhost;x-amz-meta\n";
    const payloadHash = "cd".repeat(32);
    expect((before.length + payloadHash.length) * 3).toBeGreaterThan(c.inputSize);
    loadSigningKey(c, SECRET, "20150830", "us-east-1", "iam", false);
    c.keyOwner = null;
    expect({ ...computeSignature(c, before + payloadHash, prefix) }).toEqual(expected("us-east-1", before + payloadHash, prefix));
  });

  for (const native of [true, false]) {
    it(`writes a canonical request with non-ASCII characters as UTF-8, ${native ? "TextEncoder" : "own encoder"}`, () => {
      setNativeUtf8(native);
      const c = core();
      const prefix = "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/iam/aws4_request\n";
      const creq = "PUT\n/caf\u00e9\n\nhost:a\nx-amz-meta:\u20ac \ud83d\ude00\n\nhost;x-amz-meta\n" + "ab".repeat(32);
      loadSigningKey(c, SECRET, "20150830", "us-east-1", "iam", false);
      c.keyOwner = null;
      expect({ ...computeSignature(c, creq, prefix) }).toEqual(expected("us-east-1", creq, prefix));
      setNativeUtf8(true);
    });
  }
});
