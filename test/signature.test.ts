// computeSignature (bindings/signature.ts) reads the signature and the string to sign out of the
// core in one decode, through TextDecoder and through the library's own decoder (realms without
// TextDecoder), keeps the prefix in the core while it repeats (rewriting only the date when only
// the date changed), and hashes a canonical request too long for INPUT in pieces. Against
// node:crypto, on every core.
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

/** The string to sign's first three lines, spelled out here (AWS SigV4 documentation, "Create a string to sign"). */
const prefixOf = (amzDate: string, scope: string): string => `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n`;
const scopeIn = (region: string): string => `20150830/${region}/iam/aws4_request`;

function expected(region: string, creq: string, amzDate: string, scope = scopeIn(region)) {
  const stringToSign = prefixOf(amzDate, scope) + createHash("sha256").update(creq).digest("hex");
  return { stringToSign, signature: createHmac("sha256", kSigning(region)).update(stringToSign).digest("hex") };
}

describe.each(CORES)("computeSignature (%s core)", (_name, module) => {
  beforeAll(() => useCore(module));

  for (const [region, native] of [["us-east-1", true], ["eu-central-2", true], ["us-east-1", false], ["eu-central-2", false]] as const) {
    it(`returns the signature and the whole string to sign, region ${JSON.stringify(region)}, ${native ? "TextDecoder" : "own decoder"}`, () => {
      setNativeUtf8(native);
      const c = core();
      for (const creq of ["GET\n/\n\nhost:a\n\nhost\n" + "0".repeat(64), "POST\n/x\na=b\nhost:b\n\nhost\n" + "1".repeat(64)]) {
        loadSigningKey(c, SECRET, "20150830", region, "iam", false);
        c.keyOwner = null;
        const got = computeSignature(c, creq, "20150830T123600Z", scopeIn(region));
        expect({ ...got }).toEqual(expected(region, creq, "20150830T123600Z"));
      }
      setNativeUtf8(true);
    });
  }

  it("rewrites the prefix whenever it differs from the one STS holds: a new date alone, a new scope of the same or another length", () => {
    const c = core();
    const creq = "GET\n/\n\nhost:a\n\nhost\n" + "0".repeat(64);
    const cases = [
      ["us-east-1", "20150830T123600Z"],
      ["us-east-1", "20150830T123601Z"], // the date alone
      ["us-east-1", "20150830T235959Z"], // the date alone
      ["eu-west-3", "20150830T235959Z"], // the scope alone, same length
      ["eu-central-2", "20150830T235959Z"], // a longer scope
      ["eu-central-2", "20150830T000000Z"], // the date alone, under the longer scope
      ["eu-central-2", "20150830T000000Z"], // nothing
      ["us-east-1", "20150830T000001Z"], // both, back to the shorter scope
      ["us-east-1", "20150830T123600Z"], // the date alone
    ];
    for (const [i, [region, amzDate]] of cases.entries()) {
      loadSigningKey(c, SECRET, "20150830", region, "iam", false);
      c.keyOwner = null;
      expect({ ...computeSignature(c, creq, amzDate, scopeIn(region)) }, `call ${i}`).toEqual(expected(region, creq, amzDate));
    }
  });

  it("signs a canonical request too long for INPUT in one piece", () => {
    const c = core();
    const before = "PUT\n/\n\nhost:a\nx-amz-meta:" + "a\u00e9".repeat(20000) + "\n\nhost;x-amz-meta\n";
    const payloadHash = "cd".repeat(32);
    expect((before.length + payloadHash.length) * 3).toBeGreaterThan(c.inputSize);
    loadSigningKey(c, SECRET, "20150830", "us-east-1", "iam", false);
    c.keyOwner = null;
    expect({ ...computeSignature(c, before + payloadHash, "20150830T123600Z", scopeIn("us-east-1")) }).toEqual(expected("us-east-1", before + payloadHash, "20150830T123600Z"));
  });

  for (const native of [true, false]) {
    it(`writes a canonical request with non-ASCII characters as UTF-8, ${native ? "TextEncoder" : "own encoder"}`, () => {
      setNativeUtf8(native);
      const c = core();
      const creq = "PUT\n/caf\u00e9\n\nhost:a\nx-amz-meta:\u20ac \ud83d\ude00\n\nhost;x-amz-meta\n" + "ab".repeat(32);
      loadSigningKey(c, SECRET, "20150830", "us-east-1", "iam", false);
      c.keyOwner = null;
      expect({ ...computeSignature(c, creq, "20150830T123600Z", scopeIn("us-east-1")) }).toEqual(expected("us-east-1", creq, "20150830T123600Z"));
      setNativeUtf8(true);
    });
  }
});
