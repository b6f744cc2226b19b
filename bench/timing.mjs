// The timing method every timed suite uses, with no Node API, so that the browser suite runs the
// same code inside Chromium (bench/browser-page.mjs) as the Node suites run in Node (harness.mjs).
//
// Per task: a calibration pass (which is also JIT warm-up) picks K, the calls per tinybench
// sample, so that one sample lasts about `sampleNs`; ns/op is then a sample's latency ÷ K, and the
// timer's own cost is spread over K calls. Each task's batch loop is compiled separately (new
// Function), so every task's call site keeps its own engine type feedback instead of one shared,
// megamorphic loop skewing whichever task runs later.
//
// Each group of tasks is measured on its own: one warm-up round plus `rounds` measured rounds.
// Every round runs each of the group's tasks for `roundMs`, in an order rotated from round to
// round, so slow drift of the machine (other load, clock) does not favour one task. A task's
// figure is the median over rounds of its per-round median; p75 is the 75th percentile over
// rounds. Ratios are taken per round against the group's reference task (same process, seconds
// apart) and the median ratio over rounds is reported.
//
// With `quiet` in the settings, a group whose rounds were noisy is measured again (measureQuietly).
import { Bench } from "tinybench";

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

/** Calls fn for about `calibrateMs` and returns { isAsync, k }. */
async function calibrate(fn, { sampleNs, calibrateMs }) {
  const isAsync = isThenable(fn());
  let calls = 0;
  const start = performance.now();
  let now = start;
  while (now - start < calibrateMs) {
    for (let i = 0; i < 16; i++) sink.v = isAsync ? await fn() : fn();
    calls += 16;
    now = performance.now();
  }
  const nsPerOp = ((now - start) * 1e6) / calls;
  return { isAsync, k: Math.max(1, Math.min(100_000, Math.round(sampleNs / nsPerOp))) };
}

/** The method line of a timed suite's results, from the settings it was measured with. */
export function methodOf({ rounds, roundMs, sampleNs, quiet }) {
  return (
    `tinybench ${"6.2.3"}; per task K calls per sample (about ${sampleNs / 1000} µs per sample), ` +
    `each group of tasks on its own: 1 warm-up round + ${rounds} rounds of ${roundMs} ms per task, task order rotated each round; ` +
    `ns/op = median over rounds of the round's median sample ÷ K; ratio = median over rounds of (task ÷ reference) in the same round` +
    (quiet
      ? `; a group whose tasks' median spread exceeds ${quiet.maxSpread * 100} % is measured again, up to ${quiet.attempts} times in all, and the attempt with the smallest median spread is kept`
      : "")
  );
}

/** How noisy a group's measurement was: the median of its tasks' spreads (one task's own variance does not count). */
export const groupNoise = (rows) => median(rows.map((r) => r.spread));

/**
 * Measures a group up to `attempts` times, until its noise (groupNoise) is at most `maxSpread`, and
 * keeps the quietest attempt. The rule reads spreads only, never the figures or the ratios, so no
 * task's result decides which attempt is kept: on this project's 2-core VM another tenant's load comes in stretches of
 * seconds to minutes, and a group timed through one carries its scatter into every ratio (shape b
 * against aws4, per round: 0.32–0.58 in the full run committed at aa59356, 0.41–0.42 in the quieter
 * one at 13556e4, on the same code).
 * Each row records every attempt's noise (`attempts`) and which one it comes from (`keptAttempt`).
 */
export async function measureQuietly(measureOnce, { maxSpread, attempts }, log = () => {}) {
  const tries = [];
  while (tries.length < attempts) {
    const rows = await measureOnce();
    const noise = groupNoise(rows);
    tries.push({ rows, noise });
    if (noise <= maxSpread) break;
    if (tries.length < attempts) log(`median spread ${(noise * 100).toFixed(0)} %: measuring the group again`);
  }
  const kept = tries.reduce((best, t) => (t.noise < best.noise ? t : best));
  return kept.rows.map((r) => ({ ...r, attempts: tries.map((t) => t.noise), keptAttempt: tries.indexOf(kept) }));
}

/** What measureQuietly did for a row's group, in a sentence; undefined when it was measured once. */
export function describeAttempts({ attempts, keptAttempt }) {
  if (attempts === undefined || attempts.length < 2) return undefined;
  const spreads = attempts.map((noise) => `${(noise * 100).toFixed(0)} %`).join(", then ");
  return `Measured ${attempts.length} times (the tasks' median spread ${spreads}); the figures are attempt ${keptAttempt + 1}'s.`;
}

/**
 * Times tasks and returns a row per task.
 * tasks: [{ group, name, fn }], fn sync or async (async calls are awaited one at a time);
 * reference: { [group]: name of the task the group's ratios are taken against };
 * settings: { rounds, roundMs, sampleNs, calibrateMs, quiet?: { maxSpread, attempts }, log(line) }.
 * Ratios are only taken within a group, so each group is measured on its own, its rounds one
 * after another: the tasks a ratio compares are timed seconds apart at most, not across every
 * other group's rounds (23 signing tasks took about 6 s a round when they shared the rotation).
 */
export async function measure(tasks, reference, settings) {
  const rows = [];
  const groups = [...new Set(tasks.map((t) => t.group))];
  for (const group of groups) {
    const log = groups.length === 1 ? settings.log : (line) => settings.log(`${group}: ${line}`);
    const once = () => measureGroup(tasks.filter((t) => t.group === group), reference[group], { ...settings, log });
    rows.push(...(settings.quiet ? await measureQuietly(once, settings.quiet, log) : await once()));
  }
  return rows;
}

async function measureGroup(tasks, referenceName, settings) {
  const { rounds, roundMs, log } = settings;
  const entries = [];
  for (const t of tasks) {
    const { isAsync, k } = await calibrate(t.fn, settings);
    entries.push({ ...t, k, isAsync, run: batch(t.fn, k, isAsync), rounds: [], means: [] });
  }
  const byName = new Map(entries.map((e) => [e.name, e]));
  for (let round = 0; round <= rounds; round++) {
    const bench = new Bench({ time: round === 0 ? roundMs / 2 : roundMs, warmupTime: 10, warmupIterations: 2, iterations: 8, throws: true });
    for (let i = 0; i < entries.length; i++) {
      const e = entries[(i + round) % entries.length];
      bench.add(e.name, e.run);
    }
    await bench.run();
    log(round === 0 ? "warm-up round done" : `round ${round}/${rounds} done`);
    if (round === 0) continue;
    for (const task of bench.tasks) {
      const e = byName.get(task.name);
      e.rounds.push((task.result.latency.p50 * 1e6) / e.k);
      e.means.push((task.result.latency.mean * 1e6) / e.k);
      e.samples = (e.samples ?? 0) + task.result.latency.samplesCount;
    }
  }
  const ref = byName.get(referenceName);
  return entries.map((e) => ({
    group: e.group,
    name: e.name,
    medianNs: median(e.rounds),
    fastestRoundNs: Math.min(...e.rounds),
    p75Ns: quantile(e.rounds, 0.75),
    meanNs: median(e.means),
    spread: (Math.max(...e.rounds) - Math.min(...e.rounds)) / median(e.rounds),
    roundNs: e.rounds,
    samples: e.samples,
    callsPerSample: e.k,
    async: e.isAsync,
    reference: ref ? ref.name : null,
    ratio: ref ? median(e.rounds.map((ns, i) => ns / ref.rounds[i])) : null,
  }));
}

/** Signature hex out of an Authorization header value. */
export const signatureOf = (authorization) => /Signature=([0-9a-f]{64})/.exec(authorization)?.[1];
