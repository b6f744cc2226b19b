// The SigV4 signing key chain: the AWS example, a node:crypto oracle, and wiping of key material.
import { createHmac } from "node:crypto";
import { describe, it, expect, beforeAll } from "vitest";
import { CORES } from "./cores.js";
import { useCore, core } from "../bindings/wasm/instance.js";
import { deriveSigningKey, signingKeyChain } from "../bindings/signing-key.js";
import { toHex } from "../bindings/bytes.js";

/** The chain of the SigV4 documentation, computed with node:crypto. */
function oracleChain(secret: string, date: string, region: string, service: string): string[] {
  const keys: Buffer[] = [];
  let key: string | Buffer = "AWS4" + secret;
  for (const message of [date, region, service, "aws4_request"]) keys.push((key = createHmac("sha256", key).update(message).digest()));
  return keys.map((k) => k.toString("hex"));
}

const chainHex = (...args: [string, string, string, string]): string[] => {
  const c = signingKeyChain(...args);
  return [c.kDate, c.kRegion, c.kService, c.kSigning].map(toHex);
};

/** Deterministic pseudo-random integers in [0, n). */
function lcg(seed: number): (n: number) => number {
  return (n) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return Math.floor((seed / 2 ** 32) * n);
  };
}

const isZero = (bytes: Uint8Array): boolean => bytes.every((b) => b === 0);

/** Whether `needle` occurs anywhere in `haystack`. */
const contains = (haystack: Uint8Array, needle: Uint8Array): boolean => Buffer.from(haystack.buffer, haystack.byteOffset, haystack.length).includes(Buffer.from(needle));

const EXAMPLE = ["wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20120215", "us-east-1", "iam"] as const;

describe.each(CORES)("signing key, %s core", (_name, module) => {
  beforeAll(() => useCore(module));

  // AWS General Reference, "Examples of how to derive a signing key for Signature Version 4"
  // (retired page; the same example secret, date, region and service).
  it("derives the AWS documentation example", () => {
    const chain = signingKeyChain(...EXAMPLE);
    expect(toHex(chain.kDate)).toBe("969fbb94feb542b71ede6f87fe4d5fa29c789342b0f407474670f0c2489e0a0d");
    expect(toHex(chain.kRegion)).toBe("69daa0209cd9c5ff5c8ced464a696fd4252e981430b10e3d3fd8e2f197d7a70c");
    expect(toHex(chain.kService)).toBe("f72cfd46f26bc4643f06a11eabb6c0ba18780c19a8da0c31ace671265e3c87fa");
    expect(toHex(chain.kSigning)).toBe("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d");
    expect(chain.kSecret).toEqual(new TextEncoder().encode("AWS4" + EXAMPLE[0]));
    expect(toHex(deriveSigningKey(...EXAMPLE))).toBe("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d");
  });

  it("returns independent arrays (a second derivation does not overwrite the first)", () => {
    const first = deriveSigningKey(...EXAMPLE);
    const second = deriveSigningKey("other", "20240229", "eu-central-1", "s3");
    expect(toHex(first)).toBe(oracleChain(...EXAMPLE)[3]);
    expect(toHex(second)).toBe(oracleChain("other", "20240229", "eu-central-1", "s3")[3]);
  });

  it("equals a node:crypto chain over random secrets, dates, regions and services", () => {
    const rand = lcg(2024);
    // Picks single UTF-16 units, so halves of 🙂 also occur alone (lone surrogates, UTF-8 EF BF BD).
    const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/-_ é€🙂";
    const word = (min: number, max: number): string => {
      let s = "";
      for (let i = min + rand(max - min + 1); i > 0; i--) s += alphabet[rand(alphabet.length)];
      return s || "x";
    };
    const cases: [string, string, string, string][] = [
      ["clé secrète €🙂", "20240101", "eu-west-3", "execute-api"], // non-ASCII secret
      ["S".repeat(61), "20240101", "us-east-1", "s3"], // kSecret exactly one block (64 bytes)
      ["S".repeat(62), "20240101", "us-east-1", "s3"], // kSecret one byte over a block: hashed first
      ["x".repeat(500), "19991231", "ap-southeast-2", "dynamodb"],
      ["lone \ud800 surrogate", "20240101", "région", "sérvice"],
      // A chain MAC whose message fits one padded block (≤ 55 bytes) takes the core's one-block
      // path, a longer one the running hash: each side of that edge, and the longest scope elements.
      ["k", "20240101", "r".repeat(55), "s".repeat(56)],
      ["k", "20240101", "r".repeat(56), "s".repeat(55)],
      ["k", "20240101", "é".repeat(27) + "r", "€".repeat(18) + "ss"], // 55 and 56 bytes of UTF-8
      ["k", "20240101", "r".repeat(128), "s".repeat(128)],
    ];
    for (let i = 0; i < 100; i++) {
      const date = String(rand(10 ** 8)).padStart(8, "0");
      cases.push([word(1, 120), date, word(1, 20), word(1, 20)]);
    }
    for (const args of cases) {
      const expected = oracleChain(...args);
      expect(chainHex(...args), JSON.stringify(args)).toEqual(expected);
      expect(toHex(deriveSigningKey(...args))).toBe(expected[3]);
      expect(signingKeyChain(...args).kSecret).toEqual(new Uint8Array(Buffer.from("AWS4" + args[0])));
    }
  });

  it.each([
    ["a 40-byte secret", EXAMPLE[0]],
    ["a secret longer than a block", "K".repeat(64) + "EXAMPLEKEY"],
    ["a non-ASCII secret", "sécrét€🙂KEY"],
  ])("leaves CHAIN and the secret's INPUT bytes zero, and the secret nowhere in memory (%s)", (_label, secret) => {
    const c = core();
    const kSecret = new TextEncoder().encode("AWS4" + secret);
    for (const derive of [deriveSigningKey, signingKeyChain]) {
      c.mem.fill(0xee, c.chain, c.chain + c.chainSize); // so that a missing wipe shows
      derive(secret, "20120215", "us-east-1", "iam");
      expect(isZero(c.mem.subarray(c.chain, c.chain + c.chainSize)), `CHAIN after ${derive.name}`).toBe(true);
      expect(isZero(c.mem.subarray(c.input, c.input + kSecret.length)), `INPUT after ${derive.name}`).toBe(true);
      expect(contains(c.mem, kSecret), `"AWS4"+secret in memory after ${derive.name}`).toBe(false);
      expect(contains(c.mem, new TextEncoder().encode(secret)), `secret in memory after ${derive.name}`).toBe(false);
    }
  });

  /** Writes the example's kSecret ‖ date ‖ region ‖ service ‖ terminator into INPUT, as loadSigningKey does. */
  function writeExampleFields(c: ReturnType<typeof core>): { fields: Uint8Array[]; at: number } {
    const fields = ["AWS4" + EXAMPLE[0], ...EXAMPLE.slice(1), "aws4_request"].map((f) => new TextEncoder().encode(f));
    let at = c.input;
    for (const f of fields) {
      c.mem.set(f, at);
      at += f.length;
    }
    return { fields, at };
  }

  it("the core itself zeroes CHAIN and the secret when the chain is not asked for (chainOnly = 0)", () => {
    const c = core();
    const { fields, at } = writeExampleFields(c);
    c.mem.fill(0xee, c.chain, c.chain + c.chainSize);
    c.fn.deriveSigningKey(fields[0].length, fields[1].length, fields[2].length, fields[3].length, fields[4].length, 0);
    expect(isZero(c.mem.subarray(c.chain, c.chain + c.chainSize))).toBe(true);
    expect(isZero(c.mem.subarray(c.input, c.input + fields[0].length))).toBe(true);
    expect(contains(c.mem, fields[0])).toBe(false);
    // The date, region, service and terminator are not secret and stay where they were.
    expect(new TextDecoder().decode(c.mem.subarray(c.input + fields[0].length, at))).toBe("20120215us-east-1iamaws4_request");
    // kSigning stays loaded in HMAC_KEY: a MAC under it equals the oracle's.
    c.mem.set(new TextEncoder().encode("msg"), c.input);
    c.fn.hmacStart();
    c.fn.hashUpdate(3);
    c.fn.hmacFinal();
    const kSigning = Buffer.from(oracleChain(...EXAMPLE)[3], "hex");
    expect(toHex(c.mem.subarray(c.digest, c.digest + 32))).toBe(createHmac("sha256", kSigning).update("msg").digest("hex"));
  });

  it("with chainOnly = 1 the core leaves kDate..kSigning in CHAIN, for the caller to read and wipe", () => {
    const c = core();
    const { fields } = writeExampleFields(c);
    c.fn.deriveSigningKey(fields[0].length, fields[1].length, fields[2].length, fields[3].length, fields[4].length, 1);
    expect(toHex(c.mem.subarray(c.chain, c.chain + 128))).toBe(oracleChain(...EXAMPLE).join(""));
    expect(isZero(c.mem.subarray(c.input, c.input + fields[0].length))).toBe(true);
    // HMAC_KEY held the last MAC's states (kSigning's inner hash, kSigning as words): zeroed.
    expect(isZero(c.mem.subarray(c.hmacKey, c.hmacKey + 64))).toBe(true);
    c.mem.fill(0, c.chain, c.chain + c.chainSize);
    c.keyOwner = null;
  });

  const chainCases: [string, [string, string, string, string]][] = [
    ["one-block MACs only", [...EXAMPLE]],
    ["a region and a service over 55 bytes (their MACs through the running hash)", [EXAMPLE[0], EXAMPLE[1], "r".repeat(56), "s".repeat(100)]],
  ];
  it.each(chainCases)("leaves no key of the chain in core memory: not plain, word-swapped, nor XORed with either HMAC pad (%s)", (_label, args) => {
    const c = core();
    const keys = oracleChain(...args).map((hex) => Buffer.from(hex, "hex"));
    const swapped = (b: Uint8Array): Uint8Array => b.map((_, i) => b[(i & ~3) + 3 - (i & 3)]);
    for (const derive of [() => deriveSigningKey(...args), () => signingKeyChain(...args)]) {
      derive();
      for (const [k, key] of keys.entries()) {
        for (const pad of [0, 0x36, 0x5c]) {
          const masked = key.map((b) => b ^ pad);
          expect(contains(c.mem, masked), `key ${k} ^ ${pad}`).toBe(false);
          expect(contains(c.mem, swapped(masked)), `word-swapped key ${k} ^ ${pad}`).toBe(false);
        }
      }
    }
  });
});
