// The benchmarks' signers sign exactly what sigv4-wasm signs (else a timing compares different
// work), and every suite still runs end to end (a smoke run: tiny rounds, figures discarded).
import { describe, it, expect } from "vitest";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
// bench/ is plain JavaScript over dist/ (npm test builds it first).
const peers = await import("../bench/peers.mjs");
const { nodePayloadHasher } = await import("../dist/node-hasher.js");
const { measureQuietly, describeAttempts } = await import("../bench/timing.mjs");

describe("bench signers", () => {
  it("reproduce the IAM example's published signature (shape a)", () => {
    expect(peers.ours(peers.SHAPES[peers.SHAPE_A]).sign()).toBe(peers.IAM_EXAMPLE_SIGNATURE);
    expect(peers.handwritten(peers.SHAPES[peers.SHAPE_A])()).toBe(peers.IAM_EXAMPLE_SIGNATURE);
  });

  for (const group of [peers.SHAPE_A, peers.SHAPE_B, peers.SHAPE_C]) {
    it(`agree with sigv4-wasm on ${group}`, async () => {
      const shape = peers.SHAPES[group];
      const expected = peers.ours(shape).sign();
      expect(peers.ours(shape, undefined, { payloadHasher: nodePayloadHasher }).sign()).toBe(expected);
      expect(peers.handwritten(shape)()).toBe(expected);
      expect(peers.aws4Signer(shape)()).toBe(expected);
      expect(await peers.smithyHashNode(shape)()).toBe(expected);
      expect(await peers.smithySha256Js(shape)()).toBe(expected);
      expect(await peers.aws4fetchSigner(shape)()).toBe(expected);
    });
  }
});

describe("npm run bench:smoke", () => {
  it("runs every suite and the report", () => {
    const run = spawnSync("npm", ["run", "--silent", "bench:smoke"], { cwd: root, encoding: "utf8", timeout: 240_000 });
    expect(run.status, run.stderr).toBe(0);
    for (const suite of ["primitives", "signing", "cores", "many-credentials", "memory", "size", "cold-start", "browser"]) {
      const result = JSON.parse(readFileSync(`${root}bench/results-smoke/${suite}.json`, "utf8"));
      expect(result.suite).toBe(suite);
      expect(result.rows.length).toBeGreaterThan(0);
    }
    // The browser page checks every signer against sigv4-wasm in Chromium and leaves out one that disagrees.
    const browser = JSON.parse(readFileSync(`${root}bench/results-smoke/browser.json`, "utf8"));
    expect(browser.excluded).toEqual([]);
    expect(browser.rows.filter((r: { name: string }) => r.name.startsWith("aws4fetch")).length).toBe(3);
    const report = readFileSync(`${root}bench/results-smoke/BENCHMARKS.md`, "utf8");
    expect(report).toMatch(/## Cold start/);
    expect(report).toMatch(/## In the browser/);
    // The bullets computed from the rows find the rows they read (a renamed task would drop them silently).
    expect(report).toMatch(/In this run a SHA-256 of 18 blocks alone took\n  \d+\.\d\d× a hit's time/);
    expect(report).toMatch(/Within the goal of 20,000 B minified and 8,000 B gzipped/);
    // Every goal finds the rows it reads.
    expect(report).not.toMatch(/not measured/);
  }, 300_000);
});

describe("goals", () => {
  it("divide two tasks' times round by round, and give the median with the lowest and highest round", async () => {
    const { goals } = await import("../bench/goals.mjs");
    const task = (name: string, roundNs: number[]) => ({ group: "b. KMS", name, reference: "node:crypto hand-written", roundNs });
    const signing = {
      suite: "signing",
      rows: [task("sigv4-wasm Signer", [4, 3, 9]), task("aws4", [10, 5, 10]), task("node:crypto hand-written", [8, 6, 10])],
    };
    const row = (goal: string) => goals([signing]).find(([g]: [string]) => g === goal);
    // 0.4, 0.6 and 0.9: the median of the rounds, not the quotient of the medians (4 ÷ 10).
    expect(row("sign (b) ≥ 2.5× faster than aws4 (our time ÷ aws4's ≤ 0.4)")).toEqual(["sign (b) ≥ 2.5× faster than aws4 (our time ÷ aws4's ≤ 0.4)", "0.60× (rounds 0.40–0.90)", false]);
    // 0.5, 0.5 and 0.9 against the reference.
    expect(row("sign (b) ≤ 0.8× the hand-written node:crypto signer")?.[1]).toBe("0.50× (rounds 0.50–0.90)");
    // A figure that rounds to its limit shows a third decimal: 0.804 is not within 0.8.
    const close = { suite: "signing", rows: [task("sigv4-wasm Signer", [8.04]), task("node:crypto hand-written", [10])] };
    expect(goals([close]).find(([g]: [string]) => g === "sign (b) ≤ 0.8× the hand-written node:crypto signer")).toEqual(["sign (b) ≤ 0.8× the hand-written node:crypto signer", "0.804× (rounds 0.80–0.80)", false]);
    expect(row("1000 credentials: a key-cache miss ≤ 1.5× a hit")).toEqual(["1000 credentials: a key-cache miss ≤ 1.5× a hit", undefined, undefined]);
  });
});

describe("noisy groups", () => {
  /** A stand-in for one measurement of a group: its tasks' spreads are the given ones, in turn. */
  const attemptsOf = (...spreads: number[][]) => {
    let n = 0;
    return async () => spreads[n++].map((spread, i) => ({ name: `task ${i}`, spread, medianNs: 100 + n }));
  };
  const quiet = { maxSpread: 0.1, attempts: 3 };

  it("are measured again until the tasks' median spread is within the limit", async () => {
    // One noisy task does not make a group noisy: the median of 0.02, 0.5, 0.03 is 0.03.
    const once = await measureQuietly(attemptsOf([0.02, 0.5, 0.03]), quiet);
    expect(once.map((r: { attempts: number[] }) => r.attempts)).toEqual([[0.03], [0.03], [0.03]]);
    expect(describeAttempts(once[0])).toBeUndefined();
    const twice = await measureQuietly(attemptsOf([0.2, 0.3, 0.1], [0.05, 0.04, 0.3], [0.01, 0.01, 0.01]), quiet);
    expect(twice[0]).toMatchObject({ medianNs: 102, attempts: [0.2, 0.05], keptAttempt: 1 });
  });

  it("keep the quietest attempt when none is quiet, and say so", async () => {
    const rows = await measureQuietly(attemptsOf([0.3, 0.3], [0.15, 0.2], [0.4, 0.5]), quiet);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ medianNs: 102, attempts: [0.3, 0.175, 0.45], keptAttempt: 1 });
    expect(describeAttempts(rows[0])).toBe("Measured 3 times (the tasks' median spread 30 %, then 18 %, then 45 %); the figures are attempt 2's.");
  });
});
