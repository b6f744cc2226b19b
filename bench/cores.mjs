// The three cores side by side, through their raw exports (the TypeScript layer is the same for
// all of them): the WASM-SIMD build (what engines with WebAssembly SIMD run), the scalar WASM
// build (the fallback where SIMD does not validate) and the JavaScript translation of the scalar
// build (the portable entry's fallback where there is no WebAssembly at all: Rhino, QuickJS,
// Hermes, node --jitless). The reference of each group is the SIMD core; hash-wasm is timed
// beside them on the bulk hash (its one-shot sha256 on a reused hasher).
import { createHash } from "node:crypto";
import { createSHA256 } from "hash-wasm";
import { embeddedCore } from "../dist/wasm/embedded.js";
import { instantiate as instantiateJs } from "../dist/wasm/js-core.generated.js";
import { bindCore } from "../dist/wasm/abi.js";
import { feed, readDigest } from "../dist/sha256.js";
import { readFileSync } from "node:fs";
import { runSuite, writeResult, RESULTS_DIR, SMOKE } from "./harness.mjs";
import { calibrateCycle, CYCLE_METHOD } from "./cycles.mjs";

const wasm = (form) => bindCore(new WebAssembly.Instance(new WebAssembly.Module(embeddedCore(form)), {}).exports);
const CORES = { "SIMD core": wasm("simd"), "scalar core": wasm("scalar"), "JavaScript core": bindCore(instantiateJs()) };
const REFERENCE = "SIMD core";
const hex = (bytes) => Buffer.from(bytes).toString("hex");
const data = new Uint8Array(1 << 20).map((_, i) => (i * 131 + 7) & 0xff);

/** SHA-256 of data[0..n) through INPUT, chunk by chunk, as the library feeds the core. */
function hashWith(c, n) {
  c.fn.hashInit();
  feed(c, data.subarray(0, n));
  c.fn.hashFinal();
  return readDigest(c);
}

// A signature: shape b's size of canonical request (about 600 bytes) under a loaded key, with a
// new first byte every call so no midstate is reused.
const creq = new TextEncoder().encode("POST\n/\n\ncontent-type:application/x-amz-json-1.1\n" + "x".repeat(560));
const prefix = new TextEncoder().encode("AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-west-2/kms/aws4_request\n");
function signer(c) {
  c.mem.set(new Uint8Array(32).fill(7), c.input);
  c.fn.hmacLoadKey(32);
  c.mem.set(prefix, c.sts);
  let i = 0;
  return () => {
    c.mem.set(creq, c.input);
    c.mem[c.input] = 65 + (i++ & 15);
    c.fn.sign(creq.length, prefix.length);
    return c.mem.slice(c.signature, c.signature + 64);
  };
}

const tasks = [];
const reference = {};
for (const [label, n] of [["sha256 1 KiB", 1024], ["sha256 1 MiB", 1 << 20]]) {
  const expected = createHash("sha256").update(data.subarray(0, n)).digest("hex");
  for (const [name, c] of Object.entries(CORES)) {
    if (hex(hashWith(c, n)) !== expected) throw new Error(`${label} / ${name}: wrong digest`);
    tasks.push({ group: label, name, fn: () => hashWith(c, n) });
  }
  const hw = await createSHA256();
  tasks.push({ group: label, name: "hash-wasm createSHA256 (reused)", fn: () => (hw.init(), hw.update(data.subarray(0, n)), hw.digest("binary")) });
  reference[label] = REFERENCE;
}
const SIGN = "signature of a 607-byte canonical request (loaded key)";
const signatures = Object.entries(CORES).map(([name, c]) => [name, signer(c)]);
const first = signatures.map(([, fn]) => Buffer.from(fn()).toString());
if (new Set(first).size !== 1) throw new Error(`${SIGN}: the cores disagree`);
for (const [name, fn] of signatures) tasks.push({ group: SIGN, name, fn });
reference[SIGN] = REFERENCE;

// Cycles per byte on the bulk hash, for the goals stated in cycles/byte. The clock can change
// between calibration and measurement (boost, other load), so the cycle is measured right before
// and right after the timed rounds and the mean of the two is used; their spread is reported.
// The cycle is the fastest of its runs (load only lengthens a run), so the hash's time is taken
// the same way: the fastest round (its median sample). Dividing the median round by the fastest
// clock mixes the two estimates: on this VM, whose speed alternates between two levels about 1.5×
// apart for seconds at a time, one run gave hash-wasm 17.7 cycles/byte that way, against 11.1–11.2
// in the research baseline. Both figures are kept in the results.
const CYCLES_TASK = "sha256 1 MiB";
const CYCLE_RUNS = SMOKE ? { runMs: 2, runs: 3 } : { runMs: 100, runs: 7 };
const before = calibrateCycle(CYCLE_RUNS);
const rows = await runSuite("cores", tasks, reference, {
  notes: ["Raw core exports, no TypeScript layer: the JavaScript core is what sigv4-wasm/portable and the script bundle fall back to where WebAssembly is missing."],
});
const after = calibrateCycle(CYCLE_RUNS);
const cyclesPerByte = cyclesOf(rows, before, after);
addToResult(cyclesPerByte);
printCycles(cyclesPerByte);

function cyclesOf(rows, before, after) {
  const nsPerCycle = (before.nsPerCycle + after.nsPerCycle) / 2;
  const bytes = 1 << 20;
  return {
    task: CYCLES_TASK,
    bytes,
    calibration: {
      nsPerCycle,
      ghz: 1 / nsPerCycle,
      spread: Math.abs(before.nsPerCycle - after.nsPerCycle) / nsPerCycle,
      before,
      after,
      method: `${CYCLE_METHOD}; run for about ${CYCLE_RUNS.runMs} ms, best of ${CYCLE_RUNS.runs}, right before and right after the timed rounds; the mean of the two is used`,
    },
    rows: rows
      .filter((r) => r.group === CYCLES_TASK)
      .map((r) => ({
        name: r.name,
        medianNs: r.medianNs,
        fastestRoundNs: r.fastestRoundNs,
        cyclesPerByte: r.fastestRoundNs / bytes / nsPerCycle,
        medianCyclesPerByte: r.medianNs / bytes / nsPerCycle,
      })),
  };
}

/** runSuite has written cores.json; the calibration after its rounds joins it there. */
function addToResult(cyclesPerByte) {
  const written = JSON.parse(readFileSync(new URL("cores.json", RESULTS_DIR), "utf8"));
  writeResult("cores", { ...written, cyclesPerByte });
}

function printCycles({ task, calibration: c, rows }) {
  const ghz = (x) => `${x.ghz.toFixed(3)} GHz (${x.nsPerCycle.toFixed(4)} ns/cycle)`;
  console.log(`\ncycles/byte on ${task}: clock ${ghz(c.before)} before, ${ghz(c.after)} after, mean ${ghz(c)}, spread ${(c.spread * 100).toFixed(1)}%`);
  console.table(rows.map((r) => ({ task: r.name, "fastest round ns/op": Math.round(r.fastestRoundNs), "cycles/byte": r.cyclesPerByte.toFixed(2), "median round ns/op": Math.round(r.medianNs), "cycles/byte (median round)": r.medianCyclesPerByte.toFixed(2) })));
}
