// SHA-256 through the core, one-shot and streaming, against node:crypto and the published vectors.
import { createHash } from "node:crypto";
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { CORES } from "./cores.js";
import { useCore, core } from "../bindings/wasm/instance.js";
import { sha256, sha256Hex, Sha256 } from "../bindings/sha256.js";
import { hmacSha256 } from "../bindings/hmac.js";
import { deriveSigningKey } from "../bindings/signing-key.js";
import { setNativeUtf8 } from "../bindings/utf8.js";
import { toHex } from "../bindings/bytes.js";

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` pseudo-random bytes, placed at `offset` inside a larger buffer (a view with byteOffset ≠ 0). */
function bytes(n: number, seed: number, offset = 0): Uint8Array {
  const rand = prng(seed);
  const out = new Uint8Array(offset + n + 5).subarray(offset, offset + n);
  for (let i = 0; i < n; i++) out[i] = (rand() * 256) | 0;
  return out;
}

const oracle = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex");
const oracleHmac = (key: string, data: string): string => toHex(hmacSha256(key, data));

/** Streams `parts` through one Sha256 instance. */
const streamed = (...parts: Uint8Array[]): string => toHex(parts.reduce((h, p) => h.update(p), new Sha256()).digest());

const SPLIT_LENGTHS = [0, 1, 55, 56, 63, 64, 65, 119, 200];

// Strings around the INPUT/3 fast-path limit of hashInto and beyond INPUT itself.
function stringCases(): [string, string][] {
  const third = core().inputSize / 3;
  return [
    ["ASCII", "The quick brown fox jumps over the lazy dog"],
    ["2- and 3-byte UTF-8", "Grüße, 東京, € and ß"],
    ["emoji (surrogate pairs)", "🙂👍🏽 family: 👨‍👩‍👧‍👦"],
    ["lone high surrogate", "a\ud800b"],
    ["lone low surrogate", "a\udc00b"],
    ["high surrogate at the end", "abc\ud83d"],
    ["reversed surrogate pair", "\udc00\ud800"],
    ["3-byte chars at the fast-path limit", "€".repeat(Math.floor(third))],
    ["3-byte chars just past the fast-path limit", "€".repeat(Math.floor(third) + 1)],
    ["ASCII longer than INPUT/3 chars", "x".repeat(Math.floor(third) + 1)],
    ["mixed, longer than INPUT", "aé€🙂\ud800".repeat(core().inputSize / 4)],
  ];
}

describe.each(CORES)("SHA-256, %s core", (_name, module) => {
  beforeAll(() => useCore(module));

  // FIPS 180-4 examples / RFC 6234 §8.5 test vectors (TEST1, TEST2_1, TEST3) and NIST's 896-bit message.
  it.each([
    ["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
    ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    ["abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"],
    [
      "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1",
    ],
    ["a".repeat(1_000_000), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"],
  ])("NIST vector %#", (message, expected) => {
    expect(sha256Hex(message)).toBe(expected);
    expect(toHex(sha256(new TextEncoder().encode(message)))).toBe(expected);
    expect(toHex(new Sha256().update(message).digest())).toBe(expected);
  });

  it("equals node:crypto for every length 0..1000", () => {
    for (let n = 0; n <= 1000; n++) {
      const data = bytes(n, n);
      expect(sha256Hex(data), `length ${n}`).toBe(oracle(data));
    }
  });

  it("sha256 returns a fresh 32-byte array, sha256Hex its lowercase hex", () => {
    const a = sha256("abc");
    const b = sha256("abd");
    expect(a.length).toBe(32);
    expect(toHex(a)).toBe(oracle("abc")); // not overwritten by the second call
    expect(toHex(b)).toBe(oracle("abd"));
    expect(sha256Hex("abc")).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ["view at byteOffset 3", (m: Uint8Array, i: number) => [m.subarray(0, i), m.subarray(i)]],
    ["copied slices", (m: Uint8Array, i: number) => [m.slice(0, i), m.slice(i)]],
  ])("streams every two-way split (%s)", (_kind, split) => {
    for (const n of SPLIT_LENGTHS) {
      const message = bytes(n, 1000 + n, 3);
      const expected = oracle(message);
      for (let i = 0; i <= n; i++) expect(streamed(...split(message, i)), `n=${n} split at ${i}`).toBe(expected);
    }
  });

  it("streams every three-way split of a 130-byte message", () => {
    const message = bytes(130, 130, 7);
    const expected = oracle(message);
    for (let i = 0; i <= 130; i++) {
      for (let j = i; j <= 130; j++) {
        expect(streamed(message.subarray(0, i), message.subarray(i, j), message.subarray(j)), `${i}/${j}`).toBe(expected);
      }
    }
  });

  it("keeps interleaved streams apart from each other and from one-shot calls", () => {
    const rand = prng(42);
    const a = bytes(3000, 1);
    const b = bytes(2500, 2);
    const sa = new Sha256();
    const sb = new Sha256();
    let ia = 0;
    let ib = 0;
    for (let step = 0; ia < a.length || ib < b.length; step++) {
      const na = Math.min(a.length - ia, (rand() * 150) | 0);
      sa.update(a.subarray(ia, (ia += na)));
      if (step % 3 === 0) expect(sha256Hex(`one-shot ${step}`)).toBe(oracle(`one-shot ${step}`));
      const nb = Math.min(b.length - ib, (rand() * 150) | 0);
      sb.update(b.subarray(ib, (ib += nb)));
      if (step % 4 === 0) expect(toHex(hmacSha256(`k${step}`, "m"))).toBe(oracleHmac(`k${step}`, "m"));
      if (step % 7 === 0) expect(deriveSigningKey("secret", "20240101", "eu-west-1", "s3").length).toBe(32);
    }
    expect(toHex(sb.digest())).toBe(oracle(b));
    expect(toHex(sa.digest())).toBe(oracle(a));
  });

  it("refuses update() and digest() after digest()", () => {
    const h = new Sha256().update("abc");
    expect(toHex(h.digest())).toBe(oracle("abc"));
    expect(() => h.update("more")).toThrow(/digest\(\) was already called/);
    expect(() => h.digest()).toThrow(Error);
  });

  it("hashes random sizes up to 5 MiB (chunked through INPUT), one-shot and streamed", () => {
    const rand = prng(5);
    const size = core().inputSize;
    const sizes = [size - 1, size, size + 1, 2 * size, 3 * size + 17, ...Array.from({ length: 4 }, () => (rand() * 5 * 2 ** 20) | 0)];
    for (const n of sizes) {
      const data = bytes(n, n);
      const expected = oracle(data);
      expect(sha256Hex(data), `one-shot ${n}`).toBe(expected);
      const chunk = 1 + ((rand() * 200_000) | 0);
      const h = new Sha256();
      for (let i = 0; i < n; i += chunk) h.update(data.subarray(i, i + chunk));
      expect(toHex(h.digest()), `streamed ${n} in chunks of ${chunk}`).toBe(expected);
    }
  });

  describe.each([
    ["TextEncoder", true],
    ["pure-JS UTF-8", false],
  ])("strings, %s encoder", (_encoder, native) => {
    beforeAll(() => setNativeUtf8(native));
    afterAll(() => setNativeUtf8(true));

    it("hash like node:crypto (lone surrogates as U+FFFD)", () => {
      for (const [label, text] of stringCases()) {
        expect(sha256Hex(text), label).toBe(oracle(text));
        expect(toHex(new Sha256().update(text).digest()), `streamed: ${label}`).toBe(oracle(text));
      }
    });

    it("hash random UTF-16 strings (any code unit, surrogates included) like node:crypto", () => {
      const rand = prng(16);
      // Code units from every UTF-8 length class, with surrogates often enough to pair and not pair.
      const ranges = [[0, 0x80], [0x80, 0x800], [0x800, 0xd800], [0xd800, 0xdc00], [0xdc00, 0xe000], [0xe000, 0x10000]];
      for (let i = 0; i < 500; i++) {
        let text = "";
        for (let n = (rand() * 40) | 0; n > 0; n--) {
          const [lo, hi] = ranges[(rand() * ranges.length) | 0];
          text += String.fromCharCode(lo + ((rand() * (hi - lo)) | 0));
        }
        expect(sha256Hex(text), JSON.stringify(text)).toBe(oracle(text));
      }
    });

    it("split across updates, a string hashes like its UTF-8 bytes", () => {
      const text = "é€🙂 and more";
      expect(toHex(new Sha256().update("é€").update("🙂").update(" and more").digest())).toBe(oracle(text));
      expect(sha256Hex("\ud800")).toBe(oracle(new Uint8Array([0xef, 0xbf, 0xbd])));
    });
  });
});
