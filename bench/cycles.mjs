// The length of one CPU cycle, measured from JavaScript: this VM gives Node no cycle counter (no
// perf counters, no rdtsc), so the cycles/byte goals need a clock of their own.
//
// A tiny WebAssembly function runs a long chain of dependent 32-bit adds: every add takes the
// previous one's result, so the chain cannot overlap, and an integer add has a latency of exactly
// one cycle on every x86-64 and ARM64 core. The chain therefore runs at one add per cycle whatever
// the clock frequency, and (time ÷ adds) is the length of a cycle. The loop's own counter,
// compare and branch (and the engine's interrupt check at the back-edge) do not wait on the chain:
// they run on other ALU ports in parallel, so they do not lengthen it; 32 adds per iteration keep
// the chain, not the loop, the longest path. (Measured on the AMD EPYC VM, Node 20: bodies of 16,
// 32, 64 and 128 adds gave the same ns per add within run-to-run noise, and so did the baseline
// and the optimizing WebAssembly compilers alone.)

const ADDS_PER_ITERATION = 32;

const leb = (n) => {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
};
const vec = (items) => [...leb(items.length), ...items.flat()];
const section = (id, bytes) => [id, ...leb(bytes.length), ...bytes];
const I32 = 0x7f;

/**
 * The module, written byte by byte (no assembler at bench time):
 *   (func (export "chain") (param $n i32) (param $k i32) (result i32) (local $acc i32)
 *     (loop  ;; n ≥ 1 iterations
 *       (local.set $acc (i32.add … (i32.add (local.get $acc) (local.get $k)) … (local.get $k)))  ;; 32 adds
 *       (br_if 0 (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
 *     (local.get $acc))
 */
function chainModule() {
  const body = [
    ...vec([[1, I32]]), // one local: $acc (index 2), zero at entry
    0x03, 0x40, // loop, no result
    0x20, 0x02, // local.get $acc
    ...Array.from({ length: ADDS_PER_ITERATION }, () => [0x20, 0x01, 0x6a]).flat(), // (local.get $k, i32.add) × 32
    0x21, 0x02, // local.set $acc
    0x20, 0x00, 0x41, 0x01, 0x6b, 0x22, 0x00, // $n - 1, local.tee $n
    0x0d, 0x00, // br_if 0 (back to the loop while $n ≠ 0)
    0x0b, // end loop
    0x20, 0x02, // local.get $acc
    0x0b, // end function
  ];
  const name = [..."chain"].map((c) => c.charCodeAt(0));
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00], // "\0asm", version 1
    ...section(1, vec([[0x60, ...vec([I32, I32]), ...vec([I32])]])), // type 0: (i32, i32) → i32
    ...section(3, vec([0])), // function 0 has type 0
    ...section(7, vec([[...vec(name), 0x00, 0x00]])), // export "chain" = function 0
    ...section(10, vec([[...leb(body.length), ...body]])), // its code
  ]);
}

const chain = new WebAssembly.Instance(new WebAssembly.Module(chainModule()), {}).exports.chain;

/** ns for n iterations (32·n adds), after checking the sum: a chain the engine folded away would not be timed. */
function timeChain(n) {
  const k = (Math.random() * 0x7fffffff) | 1; // unknown until run time, so no constant folding
  const start = process.hrtime.bigint();
  const acc = chain(n, k);
  const ns = Number(process.hrtime.bigint() - start);
  if (acc !== Math.imul(Math.imul(n, ADDS_PER_ITERATION), k)) throw new Error(`cycle calibration: chain returned ${acc}, not ${ADDS_PER_ITERATION}·n·k`);
  return ns;
}

/**
 * Measures ns per cycle: `runs` timings of a chain sized to last about `runMs` each, keeping the
 * fastest (a run can only be lengthened, by preemption or interrupts, never shortened).
 */
export function calibrateCycle({ runMs, runs }) {
  // Warm-up: the engine first runs the module through its baseline compiler and tiers it up to
  // the optimizing one once it is hot; these calls get it there before anything is kept.
  let n = 1 << 12;
  while (timeChain(n) < 2e6 && n < 1 << 28) n *= 2;
  for (let i = 0; i < 3; i++) timeChain(n);
  const iterations = Math.max(1, Math.round((n * runMs * 1e6) / timeChain(n)));
  const times = Array.from({ length: runs }, () => timeChain(iterations));
  const best = Math.min(...times);
  const nsPerCycle = best / (iterations * ADDS_PER_ITERATION);
  return { nsPerCycle, ghz: 1 / nsPerCycle, adds: iterations * ADDS_PER_ITERATION, runs, bestMs: best / 1e6, worstMs: Math.max(...times) / 1e6 };
}

export const CYCLE_METHOD =
  `a WebAssembly loop of ${ADDS_PER_ITERATION} dependent i32.add per iteration, timed with process.hrtime.bigint(), fastest of several runs; ` +
  "ns per cycle = time ÷ adds, assuming the 1-cycle latency of an integer add (x86-64 and ARM64)";
