// The generated compression functions (assembly/sha256-compress.generated.ts and
// assembly/sha256-compress-simd.generated.ts) against the readable loop they were generated from
// (assembly/reference/compress-loop.ts), each built beside it into build/reference (scalar) and
// build/reference-simd, on random states and blocks; and the generator's freshness.
import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { describe, it, expect } from "vitest";

interface Reference {
  memory: WebAssembly.Memory;
  INPUT: WebAssembly.Global;
  compress(state: number, block: number): void;
  compressLoop(state: number, block: number): void;
}

function random(seed: number): (n: number) => Uint8Array {
  return (n) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24;
    return out;
  };
}

const BUILDS: [string, string][] = [
  ["scalar", "build/reference/core.wasm"],
  ["SIMD", "build/reference-simd/core.wasm"],
];

describe.each(BUILDS)("generated SHA-256 compression, %s", (_name, path) => {
  const reference = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(path)), {}).exports as unknown as Reference;
  const mem = new Uint8Array(reference.memory.buffer);
  const base = reference.INPUT.value as number;
  const [STATE_A, STATE_B, BLOCK] = [base, base + 32, base + 64];
  const hex = (at: number): string => Buffer.from(mem.subarray(at, at + 32)).toString("hex");

  it("equals the readable loop on 20,000 random states and blocks, chained", () => {
    const bytes = random(42);
    const state = bytes(32);
    mem.set(state, STATE_A);
    mem.set(state, STATE_B);
    for (let i = 0; i < 20_000; i++) {
      // Every few blocks, edge patterns: all zero and all one bits.
      mem.set(i % 97 === 0 ? new Uint8Array(64) : i % 89 === 0 ? new Uint8Array(64).fill(255) : bytes(64), BLOCK);
      reference.compress(STATE_A, BLOCK);
      reference.compressLoop(STATE_B, BLOCK);
      if (i % 1000 === 0 || i === 19_999) expect(hex(STATE_A)).toBe(hex(STATE_B));
    }
  });
});

describe("scripts/gen-sha256-compress.mjs", () => {
  it("wrote the committed copies (both are fresh)", () => {
    const run = spawnSync(process.execPath, ["scripts/gen-sha256-compress.mjs", "--check"], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
  });
});
