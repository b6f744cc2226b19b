// Memory per signature. Run with --expose-gc and a large young generation
// (npm run bench:memory passes --min- and --max-semi-space-size=64) so a measuring window holds no GC.
//
// 1. JS heap bytes allocated per signature, shapes a and b: after a warm-up, gc(), then a window
//    of n signatures (n sized to about 16 MB of allocation), in a loop compiled for each signer
//    alone (harness.mjs loopOf, as the timing suites do), and the heapUsed delta ÷ n; the
//    smallest of 3 windows is kept. A PerformanceObserver watches for GC inside a window: if one
//    ran, the figure is only a lower bound and is marked so. arrayBuffers (Buffer/ArrayBuffer
//    backing stores, outside the V8 heap) is reported beside it. What V8 makes of the signing
//    path (which objects escape analysis removes) differs from process to process, and with it
//    the figure (shape b: 960 to 1,128 B in four runs of one build), so each process measures
//    every signer once and the median over PROCESSES fresh processes is reported, with the range.
// 2. WASM memory growth: the core's memory size before and after 100 000 signatures of shapes a
//    and b, 100 of shape c (1 MiB body) and 100 SHA-256 of 1 MiB. It must not change.
import { PerformanceObserver } from "node:perf_hooks";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { sha256 } from "../dist/index.js";
import { core } from "../dist/wasm/instance.js";
import { SHAPES, SHAPE_A, SHAPE_B, SHAPE_C, ours, handwritten, aws4Signer, smithyHashNode } from "./peers.mjs";
import { writeResult, fmt, SMOKE, loopOf } from "./harness.mjs";

if (typeof globalThis.gc !== "function") throw new Error("run with node --expose-gc (npm run bench:memory)");

let gcsInWindow = 0;
new PerformanceObserver((list) => (gcsInWindow += list.getEntries().length)).observe({ entryTypes: ["gc"] });
const flushObserver = () => new Promise((resolve) => setTimeout(resolve, 0));

async function window(fn, n, isAsync, run) {
  globalThis.gc();
  await flushObserver();
  gcsInWindow = 0;
  const before = process.memoryUsage();
  if (isAsync) for (let i = 0; i < n; i++) await fn();
  else run(n);
  const after = process.memoryUsage();
  await flushObserver();
  return { heap: (after.heapUsed - before.heapUsed) / n, arrayBuffers: (after.arrayBuffers - before.arrayBuffers) / n, gcs: gcsInWindow };
}

async function allocation(fn) {
  const isAsync = typeof fn()?.then === "function";
  const run = loopOf(fn);
  const warmUpEnd = performance.now() + (SMOKE ? 10 : 150);
  while (performance.now() < warmUpEnd) isAsync ? await fn() : run(100);
  const probe = await window(fn, 500, isAsync, run);
  const n = SMOKE ? 100 : Math.max(500, Math.min(100_000, Math.round(16e6 / Math.max(probe.heap, 1))));
  const windows = [];
  for (let i = 0; i < 3; i++) windows.push(await window(fn, n, isAsync, run));
  const best = windows.reduce((a, b) => (b.heap < a.heap ? b : a));
  return { n, heapBytesPerOp: Math.max(0, best.heap), arrayBufferBytesPerOp: Math.max(0, best.arrayBuffers), gcDuringWindow: best.gcs > 0 };
}

const PROCESSES = SMOKE ? 1 : 5;
const CHILD = "--allocation-only";

/** Every signer's allocation per signature, in this process: what one child reports. */
async function allocationRows() {
  const rows = [];
  for (const group of [SHAPE_A, SHAPE_B]) {
    const shape = SHAPES[group];
    const signers = {
      "sigv4-wasm Signer": ours(shape).sign,
      "node:crypto hand-written": handwritten(shape),
      aws4: aws4Signer(shape),
      "@smithy/signature-v4 + hash-node": smithyHashNode(shape),
    };
    for (const [name, fn] of Object.entries(signers)) rows.push({ group, name, ...(await allocation(fn)) });
  }
  return rows;
}

if (process.argv.includes(CHILD)) {
  process.stdout.write(JSON.stringify(await allocationRows()));
  process.exit(0);
}

/** The rows of PROCESSES fresh processes (same flags), merged: the median per signer, its range, and whether any window saw a GC. */
function medianOverProcesses() {
  const runs = [];
  for (let p = 0; p < PROCESSES; p++) {
    const out = execFileSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), CHILD], { encoding: "utf8", maxBuffer: 1 << 24 });
    runs.push(JSON.parse(out));
    console.log(`memory: process ${p + 1}/${PROCESSES} done`);
  }
  const median = (values) => values.slice().sort((a, b) => a - b)[values.length >> 1];
  return runs[0].map((row, i) => {
    const of = (key) => runs.map((run) => run[i][key]);
    const heap = of("heapBytesPerOp");
    return {
      group: row.group,
      name: row.name,
      processes: PROCESSES,
      n: median(of("n")),
      heapBytesPerOp: median(heap),
      heapBytesMin: Math.min(...heap),
      heapBytesMax: Math.max(...heap),
      arrayBufferBytesPerOp: median(of("arrayBufferBytesPerOp")),
      gcDuringWindow: of("gcDuringWindow").some(Boolean),
    };
  });
}

const rows = medianOverProcesses();
for (const r of rows) {
  console.log(`${r.group} / ${r.name}: ${fmt(r.heapBytesPerOp)} B heap (${fmt(r.heapBytesMin)}–${fmt(r.heapBytesMax)} over ${r.processes} processes), ${fmt(r.arrayBufferBytesPerOp)} B arrayBuffers per signature${r.gcDuringWindow ? ", GC in a window: lower bound" : ""}`);
}

// WASM memory: the core pins its memory (initial = maximum), so signing must never grow it.
const memoryBytes = () => core().fn.memory.buffer.byteLength;
const growth = [];
const oursA = ours(SHAPES[SHAPE_A]).sign;
const oursB = ours(SHAPES[SHAPE_B]).sign;
const oursC = ours(SHAPES[SHAPE_C]).sign;
const big = new Uint8Array(1 << 20).fill(7);
for (const [what, fn, n] of [
  [`${SHAPE_A}, Signer.sign`, oursA, SMOKE ? 100 : 100_000],
  [`${SHAPE_B}, Signer.sign`, oursB, SMOKE ? 100 : 100_000],
  [`${SHAPE_C}, Signer.sign`, oursC, SMOKE ? 2 : 100],
  ["sha256 of 1 MiB", () => sha256(big), SMOKE ? 2 : 100],
]) {
  fn();
  globalThis.gc();
  const before = memoryBytes();
  const heapBefore = process.memoryUsage().heapUsed;
  for (let i = 0; i < n; i++) fn();
  const after = memoryBytes();
  globalThis.gc();
  const heapRetained = process.memoryUsage().heapUsed - heapBefore;
  growth.push({ what, calls: n, bytesBefore: before, bytesAfter: after, grewBy: after - before, jsHeapRetainedAfterGc: heapRetained });
  console.log(`WASM memory, ${what} × ${n}: ${before} → ${after} bytes; JS heap retained after gc(): ${heapRetained} B`);
}
const grew = growth.filter((g) => g.grewBy !== 0);

writeResult("memory", {
  kind: "memory",
  method:
    "heap bytes per signature: after ≥150 ms warm-up, gc(), then a window of n signatures (≈16 MB of allocation) in a loop compiled for that signer alone, " +
    `process.memoryUsage().heapUsed delta ÷ n, smallest of 3 windows; the median over ${PROCESSES} fresh processes, with the smallest and the largest; ` +
    "node --expose-gc --min-semi-space-size=64 --max-semi-space-size=64 so no GC runs inside a window " +
    "(a window with a GC is marked as a lower bound). WASM memory: core memory.buffer.byteLength before/after the calls; JS heap retained = heapUsed after gc() minus before (a leak check, not allocation)",
  rows,
  wasmMemory: growth,
});
if (grew.length) {
  console.error(`WASM memory grew: ${grew.map((g) => `${g.what} by ${g.grewBy} bytes`).join("; ")}`);
  process.exitCode = 1;
}
