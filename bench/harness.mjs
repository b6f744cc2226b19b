// Runs tinybench tasks in several interleaved rounds after a warm-up, takes each task's median
// ns/op across rounds, computes ratios against a reference task within the same run, prints a
// table and writes bench/results/<suite>.json (machine, Node, date, per-task figures).
import { Bench } from "tinybench";
import { cpus, platform, arch } from "node:os";
import { writeFileSync, mkdirSync } from "node:fs";

const ROUNDS = 5;
const ROUND_MS = 250;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];

/**
 * tasks: [{ group, name, fn }] (fn may be async); reference: for each group, the task name the
 * others are compared with (ratio = task time ÷ reference time, same run).
 */
export async function runSuite(suite, tasks, reference) {
  const perTask = new Map(tasks.map((t) => [`${t.group}/${t.name}`, { ...t, rounds: [], samples: 0 }]));
  for (let round = 0; round <= ROUNDS; round++) {
    const bench = new Bench({ time: round === 0 ? 100 : ROUND_MS, warmupTime: 50 });
    // Interleave: a different task order each round, so drift does not favour one task.
    const order = tasks.map((t, i) => tasks[(i + round) % tasks.length]);
    for (const t of order) bench.add(`${t.group}/${t.name}`, t.fn);
    await bench.run();
    if (round === 0) continue; // warm-up round
    for (const task of bench.tasks) {
      const entry = perTask.get(task.name);
      entry.rounds.push(task.result.latency.p50 * 1e6); // ms → ns
      entry.samples += task.result.latency.samplesCount ?? task.result.samples?.length ?? 0;
    }
  }
  const rows = [...perTask.values()].map((t) => ({ group: t.group, name: t.name, medianNs: median(t.rounds), p75Ns: quantile(t.rounds, 0.75), samples: t.samples }));
  for (const row of rows) {
    const ref = rows.find((r) => r.group === row.group && r.name === reference[row.group]);
    row.ratio = ref ? row.medianNs / ref.medianNs : null;
    row.reference = ref ? ref.name : null;
  }
  const result = {
    suite,
    date: new Date().toISOString(),
    node: process.version,
    machine: { platform: platform(), arch: arch(), cpu: cpus()[0]?.model ?? "unknown", cores: cpus().length },
    method: `tinybench, ${ROUNDS} rounds of ${ROUND_MS} ms per task after a warm-up round, tasks interleaved; median across rounds of each round's median latency`,
    rows,
  };
  mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
  writeFileSync(new URL(`./results/${suite}.json`, import.meta.url), JSON.stringify(result, null, 2) + "\n");
  console.log(`\n${suite} (${result.machine.cpu}, Node ${result.node})`);
  console.table(rows.map((r) => ({ group: r.group, task: r.name, "median ns/op": r.medianNs.toFixed(0), "p75 ns/op": r.p75Ns.toFixed(0), [`× reference`]: r.ratio?.toFixed(2) ?? "" })));
  return result;
}
