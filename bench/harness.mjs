// The one timing method every suite uses, and the one result format bench/report.mjs reads.
//
// Per task: a calibration pass (which is also JIT warm-up) picks K, the calls per tinybench
// sample, so that one sample lasts about SAMPLE_NS; ns/op is then a sample's latency ÷ K, and the
// timer's own cost is spread over K calls. Each task's batch loop is compiled separately (new
// Function), so every task's call site keeps its own V8 type feedback instead of one shared,
// megamorphic loop skewing whichever task runs later.
//
// A run is one warm-up round plus ROUNDS measured rounds. Every round runs every task for
// ROUND_MS, in an order rotated from round to round, so slow drift of the machine (other load,
// clock) does not favour one task. A task's figure is the median over rounds of its per-round
// median; p75 is the 75th percentile over rounds. Ratios are taken per round against the group's
// reference task (same process, same minute) and the median ratio over rounds is reported.
import { Bench } from "tinybench";
import { cpus, platform, arch, release, totalmem } from "node:os";
import { writeFileSync, mkdirSync } from "node:fs";

/**
 * BENCH_SMOKE=1 (npm run bench:smoke, run by CI): every suite runs end to end with tiny rounds, to
 * keep the suites working; its figures mean nothing and go to bench/results-smoke/, never into
 * bench/results/ or BENCHMARKS.md.
 */
export const SMOKE = process.env.BENCH_SMOKE === "1";
export const ROUNDS = SMOKE ? 1 : 7;
export const ROUND_MS = SMOKE ? 10 : 250;
const SAMPLE_NS = SMOKE ? 5_000 : 50_000;
const CALIBRATE_MS = SMOKE ? 5 : 30;
/** Where results go: bench/results/, or bench/results-smoke/ in a smoke run. */
export const RESULTS_DIR = new URL(SMOKE ? "./results-smoke/" : "./results/", import.meta.url);

const sorted = (xs) => [...xs].sort((a, b) => a - b);
export const median = (xs) => {
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const quantile = (xs, q) => {
  const s = sorted(xs);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (pos - lo);
};

/** Machine, runtime and date, recorded with every suite's results. */
export function environment() {
  const cpu = cpus();
  return {
    date: new Date().toISOString(),
    node: process.version,
    v8: process.versions.v8,
    openssl: process.versions.openssl,
    machine: { os: `${platform()} ${release()}`, arch: arch(), cpu: cpu[0]?.model?.trim() ?? "unknown", cores: cpu.length, memoryGiB: Math.round(totalmem() / 2 ** 30) },
    command: ["node", ...process.execArgv, ...process.argv.slice(1).map((a) => a.replace(process.cwd() + "/", ""))].join(" "),
  };
}

/** Writes <RESULTS_DIR>/<suite>.json (2-space JSON, small enough to commit). */
export function writeResult(suite, result) {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = new URL(`${suite}.json`, RESULTS_DIR);
  writeFileSync(file, JSON.stringify({ suite, ...environment(), ...result }, null, 1) + "\n");
}

const sink = { v: undefined };
const isThenable = (x) => x !== null && typeof x === "object" && typeof x.then === "function";

/** K calls of fn per call of the returned function, in a loop compiled for this task alone. */
function batch(fn, k, isAsync) {
  const loop = isAsync
    ? `return async function batch() { let r; for (let i = 0; i < ${k}; i++) r = await fn(); sink.v = r; }`
    : `return function batch() { let r; for (let i = 0; i < ${k}; i++) r = fn(); sink.v = r; }`;
  return new Function("fn", "sink", loop)(fn, sink);
}

/**
 * n calls of a synchronous fn, in a loop compiled for this fn alone (as batch() does for timing):
 * a loop shared by several signers would be megamorphic, which keeps the engine from inlining
 * and from eliding the allocations of whichever signer it measures.
 */
export function loopOf(fn) {
  return new Function("fn", "sink", "return function run(n) { let r; for (let i = 0; i < n; i++) r = fn(); sink.v = r; }")(fn, sink);
}

/** Calls fn for about CALIBRATE_MS and returns { isAsync, k }. */
async function calibrate(fn) {
  const isAsync = isThenable(fn());
  let calls = 0;
  const start = performance.now();
  let now = start;
  while (now - start < CALIBRATE_MS) {
    for (let i = 0; i < 16; i++) sink.v = isAsync ? await fn() : fn();
    calls += 16;
    now = performance.now();
  }
  const nsPerOp = ((now - start) * 1e6) / calls;
  return { isAsync, k: Math.max(1, Math.min(100_000, Math.round(SAMPLE_NS / nsPerOp))) };
}

/**
 * Times tasks and writes bench/results/<suite>.json.
 * tasks: [{ group, name, fn }], fn sync or async (async calls are awaited one at a time);
 * reference: { [group]: name of the task the group's ratios are taken against };
 * extra: more fields for the JSON (notes, exclusions), shown by the report.
 */
export async function runSuite(suite, tasks, reference, extra = {}) {
  const entries = [];
  for (const t of tasks) {
    const { isAsync, k } = await calibrate(t.fn);
    entries.push({ ...t, id: `${t.group} / ${t.name}`, k, isAsync, run: batch(t.fn, k, isAsync), rounds: [], means: [] });
  }
  const byId = new Map(entries.map((e) => [e.id, e]));
  for (let round = 0; round <= ROUNDS; round++) {
    const bench = new Bench({ time: round === 0 ? ROUND_MS / 2 : ROUND_MS, warmupTime: 10, warmupIterations: 2, iterations: 8, throws: true });
    for (let i = 0; i < entries.length; i++) {
      const e = entries[(i + round) % entries.length];
      bench.add(e.id, e.run);
    }
    await bench.run();
    process.stderr.write(round === 0 ? `${suite}: warm-up round done\n` : `${suite}: round ${round}/${ROUNDS} done\n`);
    if (round === 0) continue;
    for (const task of bench.tasks) {
      const e = byId.get(task.name);
      e.rounds.push((task.result.latency.p50 * 1e6) / e.k);
      e.means.push((task.result.latency.mean * 1e6) / e.k);
      e.samples = (e.samples ?? 0) + task.result.latency.samplesCount;
    }
  }
  const rows = entries.map((e) => {
    const ref = byId.get(`${e.group} / ${reference[e.group]}`);
    return {
      group: e.group,
      name: e.name,
      medianNs: median(e.rounds),
      fastestRoundNs: Math.min(...e.rounds),
      p75Ns: quantile(e.rounds, 0.75),
      meanNs: median(e.means),
      spread: (Math.max(...e.rounds) - Math.min(...e.rounds)) / median(e.rounds),
      samples: e.samples,
      callsPerSample: e.k,
      async: e.isAsync,
      reference: ref ? ref.name : null,
      ratio: ref ? median(e.rounds.map((ns, i) => ns / ref.rounds[i])) : null,
    };
  });
  const method =
    `tinybench ${"6.2.3"}; per task K calls per sample (about ${SAMPLE_NS / 1000} µs per sample), ` +
    `1 warm-up round + ${ROUNDS} rounds of ${ROUND_MS} ms per task, task order rotated each round; ` +
    `ns/op = median over rounds of the round's median sample ÷ K; ratio = median over rounds of (task ÷ reference) in the same round`;
  writeResult(suite, { kind: "timing", method, ...extra, rows });
  printTable(suite, rows);
  return rows;
}

function printTable(suite, rows) {
  console.log(`\n${suite}`);
  console.table(
    rows.map((r) => ({
      group: r.group,
      task: r.name,
      "median ns/op": fmt(r.medianNs),
      "p75 ns/op": fmt(r.p75Ns),
      "× ref": r.ratio === null ? "" : r.ratio.toFixed(2),
      spread: `${(r.spread * 100).toFixed(0)}%`,
    })),
  );
}

export const fmt = (ns) => (ns >= 100 ? Math.round(ns).toLocaleString("en-US") : ns.toFixed(1));

/** Signature hex out of an Authorization header value. */
export const signatureOf = (authorization) => /Signature=([0-9a-f]{64})/.exec(authorization)?.[1];
