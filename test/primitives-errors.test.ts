// Argument checking of the primitives (TypeError / RangeError naming the argument), the hex and
// base64 encoders, and the byte views every primitive accepts.
import { createHash, createHmac } from "node:crypto";
import { describe, it, expect, beforeAll } from "vitest";
import { CORES } from "./cores.js";
import { useCore } from "../bindings/wasm/instance.js";
import { sha256, sha256Hex, Sha256 } from "../bindings/sha256.js";
import { hmacSha256 } from "../bindings/hmac.js";
import { deriveSigningKey, signingKeyChain } from "../bindings/signing-key.js";
import { toHex, toBase64 } from "../bindings/bytes.js";

/** Lets a test pass a value of the wrong type. */
const bad = (value: unknown): never => value as never;

/** `n` deterministic pseudo-random bytes. */
function bytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24;
  return out;
}

const ARGS = ["secretAccessKey", "date", "region", "service"] as const;
const GOOD = ["wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20120215", "us-east-1", "iam"];

/** GOOD with argument `i` replaced by `value`. */
const withArg = (i: number, value: unknown): [string, string, string, string] => GOOD.map((v, j) => (j === i ? value : v)) as never;

describe("TypeError naming the argument", () => {
  const wrong = [123, null, undefined, {}, [1, 2], true, Symbol("s"), () => 0];

  it.each(wrong.map((v) => [typeof v === "symbol" ? "symbol" : JSON.stringify(v) ?? String(v), v]))("for %s", (_label, value) => {
    expect(() => sha256(bad(value))).toThrow(TypeError);
    expect(() => sha256(bad(value))).toThrow(/"data"/);
    expect(() => sha256Hex(bad(value))).toThrow(/"data"/);
    expect(() => hmacSha256(bad(value), "x")).toThrow(/"key"/);
    expect(() => hmacSha256("k", bad(value))).toThrow(/"data"/);
    expect(() => new Sha256().update(bad(value))).toThrow(/"chunk"/);
    expect(() => toHex(bad(value))).toThrow(/"bytes"/);
    expect(() => toBase64(bad(value))).toThrow(/"bytes"/);
    for (let i = 0; i < ARGS.length; i++) {
      expect(() => deriveSigningKey(...withArg(i, value)), ARGS[i]).toThrow(TypeError);
      expect(() => deriveSigningKey(...withArg(i, value)), ARGS[i]).toThrow(`"${ARGS[i]}"`);
      expect(() => signingKeyChain(...withArg(i, value)), ARGS[i]).toThrow(`"${ARGS[i]}"`);
    }
  });

  it("describes the wrong type", () => {
    expect(() => sha256(bad(123))).toThrow(/"data".*number/);
    expect(() => hmacSha256(bad(null), "x")).toThrow(/"key".*null/);
    expect(() => new Sha256().update(bad({}))).toThrow(/"chunk".*Object/);
  });

  it("for toHex / toBase64 of byte containers other than Uint8Array", () => {
    for (const value of [new ArrayBuffer(4), new Int8Array(4), new DataView(new ArrayBuffer(4)), [1, 2, 3], "0102"]) {
      expect(() => toHex(bad(value))).toThrow(TypeError);
      expect(() => toBase64(bad(value))).toThrow(TypeError);
    }
  });

  it("never echoes the value in the message", () => {
    const secretish = { secret: "AKIDEXAMPLESECRET" };
    expect(() => sha256(bad(secretish))).toThrow(expect.objectContaining({ message: expect.not.stringContaining("AKIDEXAMPLESECRET") }));
    expect(() => deriveSigningKey("AKIDEXAMPLESECRET", "2012-02-15", "r", "s")).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("AKIDEXAMPLESECRET") }),
    );
  });
});

describe("RangeError naming the argument", () => {
  it.each(["", "2012021", "201202150", "2012-02-15", "abcdefgh", "20120215\n", " 20120215", "２０１２０２１５", "2012021５"])(
    "for date %j",
    (date) => {
      expect(() => deriveSigningKey(GOOD[0], date, GOOD[2], GOOD[3])).toThrow(RangeError);
      expect(() => deriveSigningKey(GOOD[0], date, GOOD[2], GOOD[3])).toThrow(/"date"/);
      expect(() => signingKeyChain(GOOD[0], date, GOOD[2], GOOD[3])).toThrow(/"date"/);
    },
  );

  it.each([["secretAccessKey", 0], ["region", 2], ["service", 3]])("for an empty %s", (_arg, i) => {
    expect(() => deriveSigningKey(...withArg(i, "")), ARGS[i]).toThrow(RangeError);
    expect(() => deriveSigningKey(...withArg(i, "")), ARGS[i]).toThrow(`"${ARGS[i]}"`);
    expect(() => signingKeyChain(...withArg(i, "")), ARGS[i]).toThrow(`"${ARGS[i]}"`);
  });

  // errors.ts: "Primitive functions throw TypeError / RangeError naming the argument".
  it("for a secret, region or service too long for the core's INPUT", () => {
    const long = "x".repeat(100_000);
    for (const i of [0, 2, 3]) {
      expect(() => deriveSigningKey(...withArg(i, long)), ARGS[i]).toThrow(RangeError);
      expect(() => deriveSigningKey(...withArg(i, long)), ARGS[i]).toThrow(`"${ARGS[i]}"`);
    }
  });
});

describe("toHex / toBase64", () => {
  it("equal Buffer's hex and base64 for lengths 0..100", () => {
    for (let n = 0; n <= 100; n++) {
      const data = bytes(n, n + 9);
      expect(toHex(data)).toBe(Buffer.from(data).toString("hex"));
      expect(toBase64(data)).toBe(Buffer.from(data).toString("base64"));
    }
  });

  it("encode only the view, not the whole buffer", () => {
    const view = bytes(40, 3).subarray(5, 17);
    expect(toHex(view)).toBe(Buffer.from(view).toString("hex"));
    expect(toBase64(view)).toBe(Buffer.from(view).toString("base64"));
  });
});

describe.each(CORES)("byte views, %s core", (_name, module) => {
  beforeAll(() => useCore(module));

  const data = bytes(203, 77); // 203 bytes: not a multiple of 4, so views below need offsets
  const backing = new Uint8Array(data.length + 9);
  backing.set(data, 4);
  const expected = createHash("sha256").update(data.subarray(4, 200)).digest("hex"); // 196 = 49 Int32s
  const views: [string, unknown][] = [
    ["an ArrayBuffer", data.slice(4, 200).buffer],
    ["a DataView with byteOffset", new DataView(backing.buffer, 8, 196)],
    ["an Int32Array with byteOffset", new Int32Array(backing.buffer, 8, 49)],
    ["a Uint8Array with byteOffset", backing.subarray(8, 204)],
    ["a Buffer", Buffer.from(data.subarray(4, 200))],
  ];

  it.each(views)("hashes %s as its bytes", (_label, view) => {
    expect(sha256Hex(bad(view))).toBe(expected);
    expect(toHex(new Sha256().update(bad(view)).digest())).toBe(expected);
    const mac = createHmac("sha256", data.subarray(4, 200)).update(data.subarray(4, 200)).digest("hex");
    expect(toHex(hmacSha256(bad(view), bad(view)))).toBe(mac);
  });

  it("keeps a stream intact when an update is rejected", () => {
    const h = new Sha256().update("ab");
    expect(() => h.update(bad(42))).toThrow(TypeError);
    expect(toHex(h.update("c").digest())).toBe(createHash("sha256").update("abc").digest("hex"));
  });
});
