// Writes the two unrolled SHA-256 compression functions (RFC 6234 §6.2) of the core:
//   assembly/sha256-compress.generated.ts       scalar: the 16-word message schedule in locals
//   assembly/sha256-compress-simd.generated.ts  WebAssembly SIMD: the schedule four words at a time
// Both run all 64 rounds straight (a 16-round body looped three times measured slower for both),
// rename the working variables per round instead of moving them, and write Σ0/Σ1 as nested
// rotates. The readable loop they must agree with is assembly/reference/compress-loop.ts
// (test/compress.test.ts compares them). With --check, fails if a committed file is stale.
import { readFileSync, writeFileSync, existsSync } from "node:fs";

const SCALAR_OUT = "assembly/sha256-compress.generated.ts";
const SIMD_OUT = "assembly/sha256-compress-simd.generated.ts";

// RFC 6234 §5.1 round constants: the first 32 bits of the fractional parts of the cube roots of
// the first 64 primes, computed here rather than copied.
function roundConstants() {
  const primes = [];
  for (let n = 2; primes.length < 64; n++) if (primes.every((p) => n % p !== 0)) primes.push(n);
  return primes.map((p) => {
    let r = BigInt(Math.floor(Math.cbrt(p) * 2 ** 32)); // close; corrected below with exact integers
    const target = BigInt(p) << 96n;
    while (r ** 3n > target) r--;
    while ((r + 1n) ** 3n <= target) r++;
    return Number(r & 0xffffffffn);
  });
}

const K = roundConstants();
const hex = (n) => "0x" + n.toString(16).padStart(8, "0");
const NAMES = ["a", "b", "c", "d", "e", "f", "g", "h"];

/** The working variables as round t sees them: the variable playing 'a' rotates back one name per round. */
const vars = (t) => NAMES.map((_, i) => NAMES[(i - (t % 8) + 8) % 8]);

/**
 * One round t (RFC 6234 §6.2 step 3) given `wk` = W[t] + K[t]. Ch(e,f,g) = g ^ (e & (f ^ g));
 * Maj(a,b,c) = b ^ ((a ^ b) & (b ^ c)), where b ^ c is the previous round's a ^ b (carried in `bc`).
 * The sums are ordered so the terms that wait for e and a come last, shortening the e → e and
 * a → a chains from round to round. `split` adds Σ1(e) into d and h separately: one add more and
 * one step less on the e chain, measured faster in the SIMD form (whose schedule leaves the
 * integer units free) and slower in the scalar form (which has more operations to issue).
 */
function round(t, wk, split) {
  const [a, b, c, d, e, f, g, h] = vars(t);
  const decl = t === 0 ? "let " : "";
  const bc = t === 0 ? `(${b} ^ ${c})` : "bc";
  const ch = `(${g} ^ (${e} & (${f} ^ ${g})))`;
  const out = [`${decl}ab = ${a} ^ ${b};`];
  if (split) {
    out.push(`${h} = ${h} + ${wk} + ${ch};`, `${decl}s1 = bigSigma1(${e});`, `${d} = ${d} + ${h} + s1;`, `${h} = ${h} + s1 + (${b} ^ (ab & ${bc})) + bigSigma0(${a});`);
  } else {
    out.push(`${h} = ${h} + ${wk} + ${ch} + bigSigma1(${e});`, `${d} += ${h};`, `${h} = ${h} + (${b} ^ (ab & ${bc})) + bigSigma0(${a});`);
  }
  out.push(`${decl}bc = ab;`);
  return out;
}

const loadState = () => NAMES.map((n, i) => `let ${n} = load<u32>(state, ${i * 4});`);
const storeState = () => NAMES.map((n, i) => `store<u32>(state, load<u32>(state, ${i * 4}) + ${n}, ${i * 4});`);

const BIG_SIGMAS = `// Σ0(x) = ROTR²(x) ⊕ ROTR¹³(x) ⊕ ROTR²²(x), written as ROTR²(ROTR¹¹(ROTR⁹(x) ⊕ x) ⊕ x).
@inline function bigSigma0(x: u32): u32 { return rotr<u32>(rotr<u32>(rotr<u32>(x, 9) ^ x, 11) ^ x, 2); }
// Σ1(x) = ROTR⁶(x) ⊕ ROTR¹¹(x) ⊕ ROTR²⁵(x), written as ROTR⁶(ROTR⁵(ROTR¹⁴(x) ⊕ x) ⊕ x).
@inline function bigSigma1(x: u32): u32 { return rotr<u32>(rotr<u32>(rotr<u32>(x, 14) ^ x, 5) ^ x, 6); }`;

/** The scalar body: W[t] for t ≥ 16 computed in place in 16 locals, K[t] as constants in the code. */
function scalarBody() {
  const lines = [];
  for (let i = 0; i < 16; i++) lines.push(`let w${i} = bswap<u32>(load<u32>(block, ${i * 4}, 1));`);
  lines.push(...loadState());
  for (let t = 0; t < 64; t++) {
    const w = `w${t % 16}`;
    if (t >= 16) lines.push(`${w} += smallSigma1(w${(t - 2) % 16}) + w${(t - 7) % 16} + smallSigma0(w${(t - 15) % 16});`);
    lines.push(...round(t, `${hex(K[t])} + ${w}`, false));
  }
  lines.push(...storeState());
  return lines;
}

/**
 * The SIMD body. The schedule lives in four v128 locals x0..x3 (W[4j..4j+3] in x[j % 4]); group j
 * of four words is computed while the rounds of group j − 1 run, W + K is added as one v128 add
 * from the K256 table and stored to SCHEDULE (two 16-byte slots, alternating), and each round
 * reads its word back as an i32 (measured faster than extracting lanes).
 */
function simdBody() {
  const lines = [];
  const x = (j) => `x${j % 4}`;
  const BSWAP = "3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12";
  for (let j = 0; j < 4; j++) lines.push(`let ${x(j)} = v128.load(block, ${j * 16}, 1);`, `${x(j)} = i8x16.shuffle(${x(j)}, ${x(j)}, ${BSWAP});`);
  lines.push(...loadState());
  const group = (j) => {
    if (j >= 4) lines.push(`${x(j)} = schedule(${x(j)}, ${x(j + 1)}, ${x(j + 2)}, ${x(j + 3)});`);
    lines.push(`v128.store(SCHEDULE, i32x4.add(${x(j)}, v128.load(K256, ${j * 16})), ${(j % 2) * 16});`);
  };
  group(0);
  for (let j = 0; j < 16; j++) {
    if (j < 15) group(j + 1);
    for (let i = 0; i < 4; i++) lines.push(...round(4 * j + i, `load<u32>(SCHEDULE, ${(j % 2) * 16 + i * 4})`, true));
  }
  lines.push("// The slots held W + K of a block that may be key material (an HMAC pad block): wipe them.");
  lines.push("v128.store(SCHEDULE, i32x4.splat(0));", "v128.store(SCHEDULE, i32x4.splat(0), 16);");
  lines.push(...storeState());
  return lines;
}

const fn = (lines) => lines.map((l) => "  " + l).join("\n");

const scalar = `// DO NOT EDIT: generated by scripts/gen-sha256-compress.mjs (npm run build).
// SHA-256 compression (RFC 6234 §6.2), unrolled, scalar; the readable form is assembly/reference/compress-loop.ts.
// Shapes chosen for V8's code generation (measured on this project's machine class, Node 20): the schedule in 16
// locals, K in the code, no moves between rounds, Σ as nested rotates (fewer independent two-operand rotates),
// Ch as g^(e&(f^g)), Maj from the carried a^b, and the sums ordered to shorten the chains between rounds.

${BIG_SIGMAS}
@inline function smallSigma0(x: u32): u32 { return rotr<u32>(x, 7) ^ rotr<u32>(x, 18) ^ (x >>> 3); }
@inline function smallSigma1(x: u32): u32 { return rotr<u32>(x, 17) ^ rotr<u32>(x, 19) ^ (x >>> 10); }

/**
 * Processes the 64-byte block at \`block\` into the state H at \`state\`. The block may start at any byte
 * (update() passes pointers into INPUT), so its loads say align 1: engines ignore the hint, but wasm2js
 * (the JavaScript core) turns loads it is told are aligned into whole-word typed-array reads.
 */
export function compress(state: usize, block: usize): void {
${fn(scalarBody())}
}
`;

const simd = `// DO NOT EDIT: generated by scripts/gen-sha256-compress.mjs (npm run build).
// SHA-256 compression (RFC 6234 §6.2), unrolled, with the message schedule in WebAssembly SIMD (v128) and the rounds
// in i32; the readable form is assembly/reference/compress-loop.ts. Shapes chosen for V8's code generation (measured
// on this project's machine class, Node 20): V8 builds each v128 constant through general registers, so K comes from
// the K256 table; the schedule runs one group ahead of the rounds that consume it; W + K goes through memory
// rather than lane extraction; the rounds are the scalar form's with Σ1 added into d and h separately.

import { K256, SCHEDULE } from "./memory";

${BIG_SIGMAS}
// σ0 on four words: a v128 has no rotate, so ROTRⁿ(x) = (x >>> n) | (x << (32 − n)).
@inline function smallSigma0x4(x: v128): v128 {
  return v128.xor(v128.xor(v128.or(i32x4.shr_u(x, 7), i32x4.shl(x, 25)), v128.or(i32x4.shr_u(x, 18), i32x4.shl(x, 14))), i32x4.shr_u(x, 3));
}
// σ1 on the words in lanes 0 and 2 of \`d\`, each duplicated into its 64-bit half (lanes 1 and 3): a 64-bit
// shift of (w:w) by n leaves ROTRⁿ(w) in the low lane, so two 64-bit shifts and one 32-bit shift do it.
// The results are in lanes 0 and 2.
@inline function smallSigma1x2(d: v128): v128 {
  return v128.xor(v128.xor(i64x2.shr_u(d, 17), i64x2.shr_u(d, 19)), i32x4.shr_u(d, 10));
}
// The next four schedule words W[t..t+3] = σ1(W[t−2]) + W[t−7] + σ0(W[t−15]) + W[t−16] (RFC 6234 §6.2 step 1),
// from the previous sixteen in x16 (W[t−16..t−13]), x12, x8, x4 (W[t−4..t−1]). W[t+2] and W[t+3] need the
// σ1 of W[t] and W[t+1], so σ1 is applied to two lanes, then to the two just made.
@inline function schedule(x16: v128, x12: v128, x8: v128, x4: v128): v128 {
  const partial = i32x4.add(i32x4.add(x16, i32x4.shuffle(x8, x4, 1, 2, 3, 4)), smallSigma0x4(i32x4.shuffle(x16, x12, 1, 2, 3, 4)));
  const low = smallSigma1x2(i32x4.shuffle(x4, x4, 2, 2, 3, 3));
  const first = i32x4.add(partial, i32x4.shuffle(low, low, 0, 2, 0, 2));
  const high = smallSigma1x2(i32x4.shuffle(first, first, 0, 0, 1, 1));
  return i32x4.add(partial, i32x4.shuffle(low, high, 0, 2, 4, 6));
}

/** Processes the 64-byte block at \`block\` (any byte address: its loads say align 1) into the state H at \`state\`. */
export function compress(state: usize, block: usize): void {
${fn(simdBody())}
}
`;

let stale = false;
for (const [out, text] of [[SCALAR_OUT, scalar], [SIMD_OUT, simd]]) {
  if (process.argv.includes("--check")) {
    if (!existsSync(out) || readFileSync(out, "utf8") !== text) {
      console.error(`${out} is stale: run npm run build and commit it.`);
      stale = true;
    }
  } else {
    writeFileSync(out, text);
    console.log(`wrote ${out}`);
  }
}
if (stale) process.exit(1);
