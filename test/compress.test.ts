// The unrolled compression functions (bindings/wasm/compress-body.ts) against the readable loop
// the core is compiled with (assembly/sha256-compress.ts): each core's exported compress on the
// same random states and blocks, the loop running in the base build. And how the cores are made:
// only compress's body differs from the base, and the round constants come from the base's K256.
import { readFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import { compressBody } from "../bindings/wasm/compress-body.js";
import { dataWords, functionBody, replaceBody } from "../bindings/wasm/splice.js";
import { CORE_LAYOUT } from "../bindings/wasm/module.generated.js";
import { embeddedCore } from "../bindings/wasm/embedded.js";
import type { CoreExports } from "../bindings/wasm/abi.js";

const base: Uint8Array<ArrayBuffer> = new Uint8Array(readFileSync(new URL("../build/base/core.wasm", import.meta.url)));
const instance = (bytes: Uint8Array<ArrayBuffer>): CoreExports => new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports as unknown as CoreExports;

function random(seed: number): (n: number) => Uint8Array {
  return (n) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24;
    return out;
  };
}

/** RFC 6234 §5.1: the first 32 bits of the fractional parts of the cube roots of the first 64 primes, in exact integers. */
function roundConstants(): number[] {
  const primes: number[] = [];
  for (let n = 2; primes.length < 64; n++) if (primes.every((p) => n % p !== 0)) primes.push(n);
  return primes.map((p) => {
    const target = BigInt(p) << 96n;
    let root = BigInt(Math.floor(Math.cbrt(p) * 2 ** 32));
    while (root ** 3n > target) root--;
    while ((root + 1n) ** 3n <= target) root++;
    return Number(root & 0xffffffffn);
  });
}

describe.each(["scalar", "simd"] as const)("unrolled SHA-256 compression, %s", (form) => {
  const loop = instance(base);
  const unrolled = instance(embeddedCore(form));
  const cores = [loop, unrolled];
  const at = loop.INPUT.value;
  const [STATE, BLOCK] = [at, at + 32];
  const state = (fn: CoreExports): string => Buffer.from(new Uint8Array(fn.memory.buffer, STATE, 32)).toString("hex");

  it("equals the readable loop on 20,000 random states and blocks, chained, blocks at every alignment", () => {
    const bytes = random(42);
    const first = bytes(32);
    for (const fn of cores) new Uint8Array(fn.memory.buffer).set(first, STATE);
    for (let i = 0; i < 20_000; i++) {
      // Every few blocks, edge patterns: all zero and all one bits.
      const block = i % 97 === 0 ? new Uint8Array(64) : i % 89 === 0 ? new Uint8Array(64).fill(255) : bytes(64);
      for (const fn of cores) {
        new Uint8Array(fn.memory.buffer).set(block, BLOCK + (i % 16));
        fn.compress(STATE, BLOCK + (i % 16));
      }
      if (i % 1000 === 0 || i === 19_999) expect(state(unrolled)).toBe(state(loop));
    }
  });

  it("leaves SCHEDULE zeroed, as the loop does (it held key material when the block was a pad block)", () => {
    const memory = new Uint8Array(unrolled.memory.buffer);
    memory.set(random(7)(64), BLOCK);
    unrolled.compress(STATE, BLOCK);
    const schedule = unrolled.SCHEDULE.value;
    expect(memory.subarray(schedule, schedule + 256).every((b) => b === 0)).toBe(true);
  });

  it("differs from the base in compress's body alone", () => {
    const core = embeddedCore(form);
    // Putting the base's own body back gives the base again, byte for byte.
    const loopBody = functionBody(base, CORE_LAYOUT.compress);
    expect(Buffer.compare(replaceBody(core, CORE_LAYOUT.compress, loopBody), base)).toBe(0);
  });
});

describe("the core's layout and round constants", () => {
  it("K256 and SCHEDULE in CORE_LAYOUT are the base's exports, 16-byte aligned", () => {
    const fn = instance(base);
    expect(CORE_LAYOUT.k256).toBe(fn.K256.value);
    expect(CORE_LAYOUT.schedule).toBe(fn.SCHEDULE.value);
    expect(CORE_LAYOUT.k256 % 16).toBe(0);
    expect(CORE_LAYOUT.schedule % 16).toBe(0);
  });

  it("reads the 64 round constants of RFC 6234 §5.1 from the base's K256 data", () => {
    expect(dataWords(base, CORE_LAYOUT.k256, 64)).toEqual(roundConstants());
  });

  it("refuses an address outside every data segment", () => {
    expect(() => dataWords(base, 70_000, 64)).toThrow(/no data at 70000/);
  });

  it("refuses a form it does not know", () => {
    expect(() => compressBody("sse" as "simd", roundConstants(), CORE_LAYOUT)).toThrow(TypeError);
  });
});

describe("every compression goes through the function at CORE_LAYOUT.compress", () => {
  // Its body replaced by one that counts its calls in SCHEDULE (which nothing else uses): each ABI
  // function must make exactly the compressions SHA-256 padding (RFC 6234 §4.1) and HMAC midstates
  // call for. A copy of the loop inlined at any call site would make the count fall short.
  const counter = CORE_LAYOUT.schedule;
  const sleb = (v: number): number[] => (v < 64 ? [v] : [(v & 0x7f) | 0x80, ...sleb(v >> 7)]);
  const increment = [0x00, 0x41, ...sleb(counter), 0x41, ...sleb(counter), 0x28, 2, 0, 0x41, 1, 0x6a, 0x36, 2, 0, 0x0b];
  const counting = replaceBody(base, CORE_LAYOUT.compress, Uint8Array.from([increment.length, ...increment]));
  const blocks = (bytes: number): number => Math.ceil((bytes + 9) / 64); // message, 0x80, 64-bit length

  function count(run: (fn: CoreExports) => void): number {
    const fn = instance(counting);
    run(fn);
    return new DataView(fn.memory.buffer).getUint32(counter, true);
  }

  it.each([0, 55, 56, 64, 119, 120, 1000])("hash(%i): one per padded block", (n) => {
    expect(count((fn) => fn.hash(n))).toBe(blocks(n));
  });

  it("hashInit, hashUpdate(64), hashUpdate(10), hashFinal", () => {
    expect(count((fn) => (fn.hashInit(), fn.hashUpdate(64), fn.hashUpdate(10), fn.hashFinal()))).toBe(blocks(74));
  });

  it("compress itself, once", () => {
    expect(count((fn) => fn.compress(fn.INPUT.value, fn.INPUT.value + 64))).toBe(1);
  });

  it("HMAC: two pad blocks per key (after hashing a key over 64 bytes), then the message and one outer block", () => {
    expect(count((fn) => fn.hmacLoadKey(16))).toBe(2);
    expect(count((fn) => fn.hmacLoadKey(100))).toBe(blocks(100) + 2);
    expect(count((fn) => fn.hmac(16, 100))).toBe(2 + (blocks(64 + 100) - 1) + 1);
    expect(count((fn) => (fn.hmacStart(), fn.hmacFinal()))).toBe(2);
  });

  it("deriveSigningKey: 18 (four HMACs of four, two pad blocks of kSigning), 16 with chainOnly", () => {
    expect(count((fn) => fn.deriveSigningKey(44, 8, 9, 3, 12, 0))).toBe(18);
    expect(count((fn) => fn.deriveSigningKey(44, 8, 9, 3, 12, 1))).toBe(16);
    // A region of 56 bytes does not fit one padded block after the key's: its inner hash takes two.
    expect(count((fn) => fn.deriveSigningKey(44, 8, 55, 3, 12, 0))).toBe(18);
    expect(count((fn) => fn.deriveSigningKey(44, 8, 56, 3, 12, 0))).toBe(19);
  });

  it("sign and signFinal: the canonical request, the string to sign after the key's inner midstate, one outer block", () => {
    const sts = (prefix: number): number => blocks(64 + prefix + 64) - 1 + 1;
    expect(count((fn) => fn.sign(300, 50))).toBe(blocks(300) + sts(50));
    expect(count((fn) => (fn.hashInit(), fn.hashUpdate(64), fn.signFinal(10, 50)))).toBe(blocks(74) + sts(50));
    // Signed again, the canonical request's first four blocks and the string to sign's first come from the memos.
    expect(count((fn) => (fn.sign(300, 50), new DataView(fn.memory.buffer).setUint32(counter, 0, true), fn.sign(300, 50)))).toBe(blocks(300) - 4 + sts(50) - 1);
  });
});

describe("splice on other modules", () => {
  it("grows the code section's size by a byte when it must (a body of 20,000 nops)", () => {
    const nops = [0x00, ...new Array<number>(20_000).fill(0x01), 0x0b];
    const big = replaceBody(base, CORE_LAYOUT.compress, Uint8Array.from([(nops.length & 0x7f) | 0x80, (nops.length >> 7) & 0x7f | 0x80, nops.length >> 14, ...nops]));
    expect(WebAssembly.validate(big)).toBe(true);
    expect(() => instance(big).compress(0, 0)).not.toThrow();
    expect(Buffer.compare(replaceBody(big, CORE_LAYOUT.compress, functionBody(base, CORE_LAYOUT.compress)), base)).toBe(0);
  });

  it("refuses a truncated module with an error, at every length (never a hang or a RangeError)", () => {
    const body = functionBody(base, CORE_LAYOUT.compress);
    for (let length = 9; length < base.length; length += 7) {
      const cut = base.subarray(0, length);
      expect(() => dataWords(cut, CORE_LAYOUT.k256, 64), `dataWords, ${length} bytes`).toThrow(/^not a sigv4-wasm core/);
      try {
        replaceBody(cut, CORE_LAYOUT.compress, body);
      } catch (error) {
        expect(String(error), `replaceBody, ${length} bytes`).toMatch(/not a sigv4-wasm core/);
      }
    }
  });
});
