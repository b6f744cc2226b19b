// The performance goals of the project, each checked against the figures of one run of the
// suites (bench/results/*.json): report.mjs puts this table at the top of BENCHMARKS.md. A goal
// whose figures are missing says so; nothing here is estimated.

import { median } from "./timing.mjs";

const byName = (results) => Object.fromEntries(results.map((r) => [r.suite, r]));
const row = (suite, group, name) => suite?.rows.find((r) => (group === undefined || r.group.startsWith(group)) && r.name === name);
const x = (n, digits = 2) => `${n.toFixed(digits)}×`;

/**
 * Task a's time over task b's, round by round (both timed in the same rounds of one group): the
 * median over rounds, with the lowest and highest round, so a goal near its limit shows how far
 * the machine's noise carried it.
 */
export function perRound(a, b) {
  if (a?.roundNs === undefined || b?.roundNs === undefined || a.roundNs.length !== b.roundNs.length) return undefined;
  const ratios = a.roundNs.map((ns, i) => ns / b.roundNs[i]);
  return { value: median(ratios), low: Math.min(...ratios), high: Math.max(...ratios) };
}
const xRange = (q, digits) => `${x(q.value, digits)} (rounds ${q.low.toFixed(2)}–${q.high.toFixed(2)})`;

/** A key derivation's SHA-256 compressions: four HMACs of four each, and two to load the signing key. */
export const DERIVATION_COMPRESSIONS = 18;
/** The many-credentials task that hashes exactly that many blocks. */
export const DERIVATION_HASH = `sigv4-wasm sha256 of ${64 * DERIVATION_COMPRESSIONS - 9} B (${DERIVATION_COMPRESSIONS} blocks, as many as a key derivation)`;

/** The bundle goal: JS and every embedded core, in bytes. */
export const BUNDLE_BUDGET = { minified: 20_000, gzipped: 8_000 };

/** [goal, measured, met] rows; `measured` is undefined where a suite did not produce the figure. */
export function goals(results) {
  const r = byName(results);
  const between = (suite, group, a, b) => perRound(row(r[suite], group, a), row(r[suite], group, b));
  const ratio = (suite, group, name) => {
    const task = row(r[suite], group, name);
    return task?.reference ? between(suite, group, name, task.reference) : undefined;
  };
  const ours = "sigv4-wasm Signer";
  const out = [];
  const add = (goal, measured, limit, format = x) => {
    if (measured === undefined) return out.push([goal, undefined, undefined]);
    const ranged = typeof measured === "object";
    const value = ranged ? measured.value : measured;
    // A ratio that rounds to its limit gets a third decimal, so that "no" beside 0.70× against 0.7 reads right.
    const digits = ranged && value.toFixed(2) === limit.toFixed(2) ? 3 : 2;
    out.push([goal, ranged ? xRange(measured, digits) : format(value), value <= limit]);
  };

  add("sign (a) ≤ 0.5× the hand-written node:crypto signer", ratio("signing", "a.", ours), 0.5);
  add("sign (a′, nothing repeats) ≤ 0.5× the hand-written node:crypto signer", ratio("signing", "a′.", ours), 0.5);
  add("sign (b) ≤ 0.8× the hand-written node:crypto signer", ratio("signing", "b.", ours), 0.8);
  add("sign (b) with the opt-in nodePayloadHasher ≤ 0.8× the hand-written node:crypto signer", ratio("signing", "b.", `${ours} + nodePayloadHasher (opt-in)`), 0.8);
  for (const shape of ["a.", "b."]) {
    add(`sign (${shape[0]}) ≥ 2.5× faster than aws4 (our time ÷ aws4's ≤ 0.4)`, between("signing", shape, ours, "aws4"), 0.4);
    add(`sign (${shape[0]}) ≥ 5× faster than @smithy/signature-v4 + hash-node (≤ 0.2)`, between("signing", shape, ours, "@smithy/signature-v4 + hash-node"), 0.2);
  }
  add("sign (b) with the opt-in nodePayloadHasher ≥ 2.5× faster than aws4 (≤ 0.4)", between("signing", "b.", `${ours} + nodePayloadHasher (opt-in)`, "aws4"), 0.4);
  const cycles = (name) => r.cores?.cyclesPerByte?.rows.find((c) => c.name === name)?.cyclesPerByte;
  const perByte = (c) => `${c.toFixed(2)} cycles/byte`;
  add("SHA-256 bulk (1 MiB), SIMD core ≤ 0.7× hash-wasm's time", between("cores", "sha256 1 MiB", "SIMD core", "hash-wasm createSHA256 (reused)"), 0.7);
  add("SHA-256 bulk, SIMD core ≤ 7.5 cycles/byte (calibrated clock, fastest round)", cycles("SIMD core"), 7.5, perByte);
  add("SHA-256 bulk (1 MiB), scalar core ≤ hash-wasm's time (the scalar goal is ≤ 10 cycles/byte; see the cores suite)", between("cores", "sha256 1 MiB", "scalar core", "hash-wasm createSHA256 (reused)"), 1.0);
  add("SHA-256 bulk, scalar core ≤ 10 cycles/byte (calibrated clock, fastest round)", cycles("scalar core"), 10, perByte);
  add("SHA-256 of 64 B ≤ 0.5× node:crypto", ratio("primitives", "sha256 64 B", "sigv4-wasm sha256"), 0.5);
  add("HMAC-SHA256 of 200 B with a cached key ≤ 0.5× node:crypto", ratio("primitives", "hmac", "sigv4-wasm HmacSha256Key (reused, fixed key)"), 0.5);
  add("signing-key derivation ≤ 0.5× node:crypto", ratio("primitives", "sign", "sigv4-wasm deriveSigningKey"), 0.5);
  add("(c) pure WASM: SHA-256 of 1 MiB within 1.0× of hash-wasm's time", between("primitives", "sha256 1 MiB", "sigv4-wasm sha256", "hash-wasm createSHA256 (reused)"), 1.0);
  add("(c) with the opt-in nodePayloadHasher within 1.05× of the node:crypto signer", ratio("signing", "c.", `${ours} + nodePayloadHasher (opt-in)`), 1.05);
  add(
    "1000 credentials: a key-cache miss ≤ 1.5× a hit",
    between("many-credentials", undefined, "sigv4-wasm Signer, cacheSize 64 (misses)", "sigv4-wasm Signer, cacheSize 2000 (hits)"),
    1.5,
  );
  const heap = r.memory?.rows.filter((m) => m.name === ours).map((m) => m.heapBytesPerOp);
  add("JS heap ≤ 1.5 KB per signature (the larger of shapes a and b)", heap?.length ? Math.max(...heap) : undefined, 1536, (b) => `${Math.round(b).toLocaleString("en-US")} B`);
  for (const [label, entry] of [
    ["everything (default entry)", "sigv4-wasm (default entry: everything, both WASM cores and the JavaScript core)"],
    ["the signer alone (sigv4-wasm/wasm, Signer)", "sigv4-wasm/wasm, Signer only"],
  ]) {
    const bundle = row(r.size, undefined, entry);
    add(`bundle of ${label}, JS + every embedded core, ≤ 20 KB minified`, bundle?.minifiedBytes, BUNDLE_BUDGET.minified, (b) => `${b.toLocaleString("en-US")} B`);
    add(`bundle of ${label}, JS + every embedded core, ≤ 8 KB gzipped`, bundle?.gzippedBytes, BUNDLE_BUDGET.gzipped, (b) => `${b.toLocaleString("en-US")} B`);
  }
  return out;
}
