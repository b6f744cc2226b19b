// HMAC-SHA256 through the core: RFC 4231 vectors and node:crypto for keys and messages of every size.
import { createHmac } from "node:crypto";
import { describe, it, expect, beforeAll } from "vitest";
import { CORES } from "./cores.js";
import { useCore, core } from "../bindings/wasm/instance.js";
import { hmacSha256, HmacSha256Key } from "../bindings/hmac.js";
import { sign } from "../bindings/signer.js";
import { Sha256 } from "../bindings/sha256.js";
import { toHex } from "../bindings/bytes.js";

/** `n` deterministic pseudo-random bytes (xorshift32 from `seed`). */
function bytes(n: number, seed: number): Uint8Array {
  let x = (seed * 2654435761) | 1;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const fill = (n: number, byte: number): Uint8Array => new Uint8Array(n).fill(byte);
const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);
const oracle = (key: string | Uint8Array, data: string | Uint8Array): string => createHmac("sha256", key).update(data).digest("hex");
const mac = (key: string | Uint8Array, data: string | Uint8Array): string => toHex(hmacSha256(key, data));

// RFC 4231 §4.2–§4.8, HMAC-SHA-256 results. Test case 5 publishes only the first 128 bits.
const RFC4231: [number, Uint8Array, Uint8Array, string][] = [
  [1, fill(20, 0x0b), ascii("Hi There"), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"],
  [2, ascii("Jefe"), ascii("what do ya want for nothing?"), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"],
  [3, fill(20, 0xaa), fill(50, 0xdd), "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"],
  [4, Uint8Array.from({ length: 25 }, (_, i) => i + 1), fill(50, 0xcd), "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"],
  [5, fill(20, 0x0c), ascii("Test With Truncation"), "a3b6167473100ee06e0c796c2955552b"],
  [6, fill(131, 0xaa), ascii("Test Using Larger Than Block-Size Key - Hash Key First"), "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"],
  [
    7,
    fill(131, 0xaa),
    ascii("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm."),
    "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
  ],
];

describe.each(CORES)("HMAC-SHA256, %s core", (_name, module) => {
  beforeAll(() => useCore(module));

  it.each(RFC4231)("RFC 4231 test case %i", (_n, key, data, expected) => {
    const full = hmacSha256(key, data);
    expect(full.length).toBe(32);
    // Case 5 compares the truncated output (first 16 bytes); the others the whole MAC.
    expect(toHex(full.subarray(0, expected.length / 2))).toBe(expected);
  });

  it("equals node:crypto for key lengths 0..200 and data lengths 0, 1, 63, 64, 65, 200, 1000", () => {
    for (let k = 0; k <= 200; k++) {
      const key = bytes(k, k + 1);
      for (const d of [0, 1, 63, 64, 65, 200, 1000]) {
        const data = bytes(d, 7 * d + k);
        expect(mac(key, data), `key ${k}, data ${d}`).toBe(oracle(key, data));
      }
    }
  });

  it("equals node:crypto when key and data do not fit in INPUT together", () => {
    const size = core().inputSize;
    for (const [k, d] of [[0, size + 1], [1, size], [64, size - 63], [65, size - 64], [200, 3 * size + 5], [32, 1 << 20]]) {
      const key = bytes(k, k);
      const data = bytes(d, d);
      expect(mac(key, data), `key ${k}, data ${d}`).toBe(oracle(key, data));
    }
  });

  it("equals node:crypto for keys larger than INPUT", () => {
    const size = core().inputSize;
    for (const [k, d] of [[size, 0], [size + 1, 10], [3 * size + 1, 100_000]]) {
      const key = bytes(k, k);
      const data = bytes(d, d);
      expect(mac(key, data), `key ${k}, data ${d}`).toBe(oracle(key, data));
    }
  });

  it("gives strings the MAC of their UTF-8 bytes", () => {
    const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
    for (const [key, data] of [["", ""], ["key", "The quick brown fox jumps over the lazy dog"], ["clé €🙂", "données ✓ \ud800"], ["k".repeat(100), "x".repeat(70_000)]]) {
      const expected = oracle(key, data);
      expect(mac(key, data)).toBe(expected);
      expect(mac(enc(key), data)).toBe(expected);
      expect(mac(key, enc(data))).toBe(expected);
      expect(mac(enc(key), enc(data))).toBe(expected);
    }
  });

  it("leaves its arguments unchanged and does not disturb a streaming hash", () => {
    const key = bytes(100, 1);
    const data = bytes(100_000, 2);
    const [keyCopy, dataCopy] = [key.slice(), data.slice()];
    const stream = new Sha256().update("ab");
    expect(mac(key, data)).toBe(oracle(keyCopy, dataCopy));
    expect(Buffer.compare(key, keyCopy)).toBe(0);
    expect(Buffer.compare(data, dataCopy)).toBe(0);
    expect(toHex(stream.update("c").digest())).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"); // FIPS 180-4 "abc"
  });
});

describe.each(CORES)("HmacSha256Key (%s core)", (_name, c) => {
  beforeAll(() => useCore(c));

  it("gives node:crypto's MACs for keys of every length class, interleaved with other keys and signing", () => {
    const keys = ["", "k", "x".repeat(64), "y".repeat(65), new Uint8Array(200).fill(9)];
    const objects = keys.map((k) => new HmacSha256Key(k));
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < keys.length; i++) {
        const data = "message ".repeat(round * 20 + i);
        expect(toHex(objects[i].mac(data))).toBe(createHmac("sha256", keys[i]).update(data).digest("hex"));
        expect(toHex(hmacSha256("other", data))).toBe(createHmac("sha256", "other").update(data).digest("hex"));
      }
      sign({ url: "https://example.amazonaws.com/" }, { credentials: { accessKeyId: "AKID", secretAccessKey: "s" }, region: "us-east-1", service: "x" });
    }
  });

  it("refuses to MAC after destroy()", () => {
    const key = new HmacSha256Key("secret");
    key.destroy();
    expect(() => key.mac("data")).toThrow(/destroy/);
  });
});
