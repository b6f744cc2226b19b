// The Node side of the timing suites: the settings (full or smoke), the environment each result
// records, and bench/results/<suite>.json, the one format bench/report.mjs reads. The timing
// method itself is bench/timing.mjs, which the browser suite also runs inside Chromium.
import { cpus, platform, arch, release, totalmem } from "node:os";
import { writeFileSync, mkdirSync } from "node:fs";
import { measure, methodOf } from "./timing.mjs";

export { median, quantile, loopOf, signatureOf } from "./timing.mjs";

/**
 * BENCH_SMOKE=1 (npm run bench:smoke, run by CI): every suite runs end to end with tiny rounds, to
 * keep the suites working; its figures mean nothing and go to bench/results-smoke/, never into
 * bench/results/ or BENCHMARKS.md.
 */
export const SMOKE = process.env.BENCH_SMOKE === "1";
/**
 * A group is measured up to 3 times in all while its tasks' median spread is over 10 % (bench/timing.mjs,
 * measureQuietly): in the full run committed at 13556e4 the signing groups a, b and c, measured once,
 * had 1.5, 2.1 and 5.9 %. A smoke run's single round has no spread, so it never measures again.
 */
const QUIET = { maxSpread: 0.1, attempts: 3 };
/** The timing settings of bench/timing.mjs: full, or tiny for a smoke run. */
export const TIMING = SMOKE
  ? { rounds: 1, roundMs: 10, sampleNs: 5_000, calibrateMs: 5, quiet: QUIET }
  : { rounds: 7, roundMs: 250, sampleNs: 50_000, calibrateMs: 30, quiet: QUIET };
/** Where results go: bench/results/, or bench/results-smoke/ in a smoke run. */
export const RESULTS_DIR = new URL(SMOKE ? "./results-smoke/" : "./results/", import.meta.url);

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

/**
 * Times tasks (bench/timing.mjs) and writes bench/results/<suite>.json.
 * tasks: [{ group, name, fn }], fn sync or async (async calls are awaited one at a time);
 * reference: { [group]: name of the task the group's ratios are taken against };
 * extra: more fields for the JSON (notes, exclusions), shown by the report.
 */
export async function runSuite(suite, tasks, reference, extra = {}) {
  const rows = await measure(tasks, reference, { ...TIMING, log: (line) => process.stderr.write(`${suite}: ${line}\n`) });
  writeResult(suite, { kind: "timing", method: methodOf(TIMING), ...extra, rows });
  printTable(suite, rows);
  return rows;
}

/** The rows of a timed suite as a console table. */
export function printTable(suite, rows) {
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
