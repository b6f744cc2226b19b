// Cold start: what a fresh process pays before signing at full speed. Each run is a new Node
// process that imports the package, signs shape b (the KMS example) once, then signs it again
// CALLS times, timing every call alone; variant `warm` calls warmUp() right after the import, and
// variant `sample` calls warmUp({ request, options }, SAMPLE_ROUNDS) with the shape it will sign.
// Reported per variant (median over RUNS processes): import time, first signature (which compiles
// the WebAssembly core), the median latency of calls 2–10, 11–100, 101–1000 and 1001–CALLS, and the
// first window whose median is within 10 % of the steady state (the last window).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { writeResult, median, SMOKE } from "./harness.mjs";

const RUNS = SMOKE ? 2 : 15;
const CALLS = SMOKE ? 200 : 20_000;
const WINDOWS = [[2, 10], [11, 100], [101, 1000], [1001, 3000], [3001, 10_000], [10_001, CALLS]].filter(([from]) => from <= CALLS);
const self = fileURLToPath(import.meta.url);

const SAMPLE_ROUNDS = SMOKE ? 20 : 3000;

async function child(variant) {
  const { SHAPES, SHAPE_B, DATE, CREDENTIALS } = await import("./shapes.mjs");
  const t0 = performance.now();
  const lib = await import("../dist/index.js");
  const t1 = performance.now();
  const shape = SHAPES[SHAPE_B];
  const request = { method: shape.method, url: `https://${shape.host}${shape.path}`, headers: shape.headers, body: shape.body };
  const config = { credentials: CREDENTIALS, region: shape.region, service: shape.service };
  const options = { date: DATE };
  const w0 = performance.now();
  if (variant === "warm") lib.warmUp();
  if (variant === "sample") lib.warmUp({ request, options: { ...config, ...options } }, SAMPLE_ROUNDS);
  const warmMs = performance.now() - w0;
  const signer = new lib.Signer(config);
  const times = new Float64Array(CALLS + 1);
  for (let i = 1; i <= CALLS; i++) {
    const s = performance.now();
    signer.sign(request, options);
    times[i] = performance.now() - s;
  }
  const windows = WINDOWS.map(([from, to]) => median(Array.from(times.subarray(from, to + 1))) * 1000);
  process.stdout.write(JSON.stringify({ importMs: t1 - t0, warmMs, firstMs: times[1], windowsUs: windows }));
}

if (process.argv[2] === "--child") {
  await child(process.argv[3]);
} else {
  const rows = [];
  const NAMES = { cold: "import, then sign", warm: "import, warmUp(), then sign", sample: `import, warmUp(sample of the signed shape, ${SAMPLE_ROUNDS}), then sign` };
  // The variants' processes take turns, so that the machine's slow stretches fall on all of them alike.
  const runsOf = Object.fromEntries(Object.keys(NAMES).map((variant) => [variant, []]));
  const variants = Object.keys(NAMES);
  for (let r = 0; r < RUNS; r++) {
    // Each run starts from another variant, so no variant always comes first.
    for (const variant of variants.map((_, i) => variants[(i + r) % variants.length])) {
      const out = spawnSync(process.execPath, [self, "--child", variant], { encoding: "utf8" });
      if (out.status !== 0) throw new Error(`cold-start child failed: ${out.stderr}`);
      runsOf[variant].push(JSON.parse(out.stdout));
    }
  }
  for (const variant of Object.keys(NAMES)) {
    const runs = runsOf[variant];
    const windowsUs = WINDOWS.map((_, i) => median(runs.map((r) => r.windowsUs[i])));
    const steady = windowsUs[windowsUs.length - 1];
    const fullSpeedWindow = WINDOWS[windowsUs.findIndex((w) => w <= steady * 1.1)];
    const row = {
      name: NAMES[variant],
      importMs: median(runs.map((r) => r.importMs)),
      warmUpMs: median(runs.map((r) => r.warmMs)),
      firstSignatureMs: median(runs.map((r) => r.firstMs)),
      windows: WINDOWS.map(([from, to], i) => ({ calls: `${from}–${to}`, medianUs: windowsUs[i] })),
      fullSpeedFrom: `calls ${fullSpeedWindow[0]}–${fullSpeedWindow[1]}`,
    };
    rows.push(row);
    console.log(`${row.name}: import ${row.importMs.toFixed(1)} ms, warm-up ${row.warmUpMs.toFixed(1)} ms, first signature ${row.firstSignatureMs.toFixed(2)} ms; ` +
      row.windows.map((w) => `${w.calls}: ${w.medianUs.toFixed(1)} µs`).join(", ") + `; within 10 % of steady from ${row.fullSpeedFrom}`);
  }
  writeResult("cold-start", {
    kind: "cold-start",
    method: `${RUNS} fresh node processes per variant, the variants taking turns; in each, shape b signed ${CALLS} times with a Signer, each call timed alone with performance.now(); medians over processes of each process's figures`,
    windows: WINDOWS.map(([from, to]) => `${from}–${to}`),
    rows,
  });
}
