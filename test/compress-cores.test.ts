// Every core's SHA-256 exports (hash, hashInit/hashUpdate/hashFinal) against node:crypto, driven
// directly through memory: every length 0..300 one-shot, and every two-way split of each of
// those lengths streamed, so every block boundary meets every buffered count in every core.
import { createHash } from "node:crypto";
import { describe, it, expect } from "vitest";
import { CORES, instantiateCore } from "./cores.js";

const oracle = (data: Uint8Array): string => createHash("sha256").update(data).digest("hex");

function bytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24;
  return out;
}

describe.each(CORES)("SHA-256 exports of the %s core", (_name, source) => {
  const fn = instantiateCore(source);
  const mem = new Uint8Array(fn.memory.buffer);
  const [input, digest] = [fn.INPUT.value, fn.DIGEST.value];
  const result = (): string => Buffer.from(mem.subarray(digest, digest + 32)).toString("hex");

  it("hash(len) equals node:crypto for every length 0..300", () => {
    for (let n = 0; n <= 300; n++) {
      const data = bytes(n, n + 1);
      mem.set(data, input);
      fn.hash(n);
      expect(result(), `length ${n}`).toBe(oracle(data));
    }
  });

  it("streams every two-way split of every length 0..300", () => {
    const wrong: string[] = [];
    for (let n = 0; n <= 300; n++) {
      const data = bytes(n, n + 1);
      const expected = oracle(data);
      for (let i = 0; i <= n; i++) {
        fn.hashInit();
        mem.set(data.subarray(0, i), input);
        fn.hashUpdate(i);
        mem.set(data.subarray(i), input);
        fn.hashUpdate(n - i);
        fn.hashFinal();
        if (result() !== expected) wrong.push(`length ${n} split at ${i}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
