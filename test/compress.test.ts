// The unrolled compression functions (bindings/wasm/compress-body.ts) against the readable loop
// the core is compiled with (assembly/sha256-compress.ts): each core's exported compress on the
// same random states and blocks, the loop running in the base build. And how the cores are made:
// only compress's body differs from the base, and the round constants come from the base's K256.
import { readFileSync } from "node:fs";
import { describe, it, expect } from "vitest";
import { compressBody } from "../bindings/wasm/compress-body.js";
import { dataWords, replaceBody } from "../bindings/wasm/splice.js";
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
    const loopBody = bodyOf(base, CORE_LAYOUT.compress);
    expect(Buffer.compare(replaceBody(core, CORE_LAYOUT.compress, loopBody), base)).toBe(0);
    expect(Buffer.compare(bodyOf(core, CORE_LAYOUT.compress), compressBody(form, dataWords(base, CORE_LAYOUT.k256, 64), CORE_LAYOUT))).toBe(0);
  });
});

describe("the core's layout and round constants", () => {
  it("CORE_LAYOUT is compress's function index and the K256 and SCHEDULE exports of the base", () => {
    const fn = instance(base);
    expect(CORE_LAYOUT.k256).toBe(fn.K256.value);
    expect(CORE_LAYOUT.schedule).toBe(fn.SCHEDULE.value);
  });

  it("every path that compresses calls the function at that index (no copy of the loop was inlined elsewhere)", () => {
    // A body that traps at once, put at that index: compress and each ABI function that hashes must trap.
    const trap = Uint8Array.from([3, 0, 0x00, 0x0b]); // size 3: no locals, unreachable, end
    const broken = instance(replaceBody(base, CORE_LAYOUT.compress, trap));
    const calls: [string, () => void][] = [
      ["compress", () => broken.compress(broken.INPUT.value, broken.INPUT.value + 64)],
      ["hash", () => broken.hash(0)],
      ["hashUpdate", () => (broken.hashInit(), broken.hashUpdate(64))],
      ["hmacLoadKey", () => broken.hmacLoadKey(16)],
      ["deriveSigningKey", () => broken.deriveSigningKey(8, 8, 9, 3, 12, 0)],
      ["sign", () => broken.sign(300, 0)],
    ];
    for (const [name, call] of calls) expect(call, name).toThrow(WebAssembly.RuntimeError);
  });

  it("reads the 64 round constants of RFC 6234 §5.1 from the base's K256 data", () => {
    expect(dataWords(base, CORE_LAYOUT.k256, 64)).toEqual(roundConstants());
  });

  it("refuses an address outside every data segment", () => {
    expect(() => dataWords(base, 70_000, 64)).toThrow(/no data at 70000/);
  });
});

/** The code section entry of function `index`: its size prefix and body (the module imports no function). */
function bodyOf(module: Uint8Array, index: number): Uint8Array {
  let at = 8;
  const u32 = (): number => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = module[at++];
      value |= (byte & 0x7f) << shift;
      if (byte < 0x80) return value >>> 0;
    }
  };
  for (;;) {
    const id = module[at++];
    const end = u32() + at;
    if (id === 10) break;
    at = end;
  }
  u32(); // the number of bodies
  for (let i = 0; ; i++) {
    const from = at;
    const size = u32();
    if (i === index) return module.subarray(from, at + size);
    at += size;
  }
}
