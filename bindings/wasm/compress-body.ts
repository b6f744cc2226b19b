// The unrolled SHA-256 compression function (RFC 6234 §6.2), written as WebAssembly bytecode: the
// body of the core's compress(state, block), in a scalar form and in a WebAssembly SIMD form.
//
// The core is compiled with the readable loop (assembly/sha256-compress.ts); the body written here
// replaces it (./splice.ts), at build time for build/release and build/simd and at load time for the
// embedded cores, so the package carries this program (about 3 KB minified) instead of two unrolled
// bodies (8.7 KB scalar, 9.9 KB SIMD). test/compress.test.ts checks both forms against the loop.
//
// Shapes chosen for V8's code generation (measured on this project's machine class, Node 20): all
// 64 rounds straight, the working variables renamed per round instead of moved, Σ0/Σ1 as nested
// rotates, Ch as g ^ (e & (f ^ g)), Maj from the carried a ^ b, and the sums ordered to shorten the
// e → e and a → a chains between rounds. Scalar: the 16-word schedule in locals, K in the code as
// constants, T1 summed as W + (h + K) (the constant add leaves the chain; 4 % faster than
// (h + (K + W)) in bulk). SIMD: the schedule four words at a time in v128 locals, one group ahead of
// the rounds that use it; W + K as one v128 add from the K256 table (V8 builds each v128 constant
// through general registers) stored to two alternating 16-byte SCHEDULE slots, which each round
// reads back as an i32 (faster than extracting lanes); Σ1(e) added into d and h separately (one
// add more, one step less on the e chain, which pays only where the schedule leaves the integer
// units free).
//
// The code is written in the stack machine's order (operands, then operator) straight into one
// buffer: this runs once per core at load time, mostly before the engine has compiled it, and
// building expression trees first took 9 ms there against under 1 ms this way (Node 20, first call).

import { uleb as ulebBytes } from "./splice.js";

/** Which body: "scalar" for every engine, "simd" where WebAssembly SIMD validates. */
export type CompressForm = "scalar" | "simd";

/** Addresses in the core's memory (its K256 and SCHEDULE exports): the SIMD form reads K256 and uses SCHEDULE. */
export interface CompressLayout {
  readonly k256: number;
  readonly schedule: number;
}

// Opcodes (WebAssembly core specification §5.4; SIMD opcodes follow the 0xfd prefix as LEB128).
const LOCAL_GET = 0x20, LOCAL_SET = 0x21, I32_LOAD = 0x28, I32_STORE = 0x36, I32_CONST = 0x41, END = 0x0b;
const ADD = 0x6a, AND = 0x71, OR = 0x72, XOR = 0x73, SHR_U = 0x76, ROTL = 0x77, ROTR = 0x78;
const SIMD = 0xfd, V128_LOAD = 0x00, V128_STORE = 0x0b, I8X16_SHUFFLE = 0x0d, I32X4_SPLAT = 0x11;
const V128_OR = 0x50, V128_XOR = 0x51, I32X4_SHL = 0xab, I32X4_SHR_U = 0xad, I32X4_ADD = 0xae, I64X2_SHR_U = 0xcd;
const I32 = 0x7f, V128 = 0x7b;
/** log2 of the alignment a memory access promises: 0 (any byte address) for the block, natural otherwise. */
const BYTE_ALIGNED = 0, WORD_ALIGNED = 2, V128_ALIGNED = 4;

// Locals: the parameters, then the working variables a..h, the carried a ^ b (AB, BC), Σ1(e), and
// from FREE on the schedule: 16 i32 words (scalar) or four v128 groups and four v128 temporaries (SIMD).
const STATE = 0, BLOCK = 1, VARS = 2, AB = 10, BC = 11, S1 = 12, FREE = 13;

/** The bytecode being written: BUFFER bytes, enough for either body (under 10 KB); compressBody checks. */
const BUFFER = 16384;
let code = new Uint8Array(0);
let n = 0;

const byte = (b: number): void => {
  code[n++] = b;
};
const op = (b: number): void => byte(b);
const uleb = (value: number): void => {
  for (const b of ulebBytes(value)) byte(b);
};
const get = (local: number): void => (byte(LOCAL_GET), byte(local));
const set = (local: number): void => (byte(LOCAL_SET), byte(local));
function i32(value: number): void {
  byte(I32_CONST);
  value |= 0;
  for (;;) {
    const low = value & 0x7f;
    value >>= 7;
    if ((value === 0 && (low & 0x40) === 0) || (value === -1 && (low & 0x40) !== 0)) return byte(low);
    byte(low | 0x80);
  }
}
/** An i32 load or store at [address on the stack] + offset. */
const memory = (opcode: number, align: number, offset: number): void => (byte(opcode), byte(align), uleb(offset));
const simd = (opcode: number): void => (byte(SIMD), uleb(opcode));

// RFC 6234 §5.1 on local x. Σ as nested rotates: Σ0(x) = ROTR²(ROTR¹¹(ROTR⁹(x) ⊕ x) ⊕ x) = ROTR² ⊕ ROTR¹³ ⊕ ROTR²²,
// Σ1(x) = ROTR⁶(ROTR⁵(ROTR¹⁴(x) ⊕ x) ⊕ x) = ROTR⁶ ⊕ ROTR¹¹ ⊕ ROTR²⁵.
function bigSigma(x: number, r1: number, r2: number, r3: number): void {
  get(x), i32(r1), op(ROTR), get(x), op(XOR), i32(r2), op(ROTR), get(x), op(XOR), i32(r3), op(ROTR);
}
const bigSigma0 = (x: number): void => bigSigma(x, 9, 11, 2);
const bigSigma1 = (x: number): void => bigSigma(x, 14, 5, 6);
/** σ(x) = ROTR^r1(x) ⊕ ROTR^r2(x) ⊕ SHR^s(x): σ0 is (7, 18, 3), σ1 is (17, 19, 10). */
function smallSigma(x: number, r1: number, r2: number, s: number): void {
  get(x), i32(r1), op(ROTR), get(x), i32(r2), op(ROTR), op(XOR), get(x), i32(s), op(SHR_U), op(XOR);
}

/** The local that plays working variable `i` (0 = a … 7 = h) in round t: the names rotate, the values stay. */
const role = (t: number, i: number): number => VARS + ((i - t + 64) % 8);

/**
 * Round t (RFC 6234 §6.2 step 3). `t1Start` leaves h + W[t] + K[t] on the stack in the form's own order.
 * Ch(e,f,g) = g ^ (e & (f ^ g)); Maj(a,b,c) = b ^ ((a ^ b) & (b ^ c)), where b ^ c is the previous round's a ^ b.
 */
function round(t: number, t1Start: (h: number) => void, splitSigma1: boolean): void {
  const [a, b, c, d, e, f, g, h] = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => role(t, i));
  const ch = (): void => (get(g), get(e), get(f), get(g), op(XOR), op(AND), op(XOR));
  const maj = (): void => (get(b), get(AB), get(BC), op(AND), op(XOR));
  if (t === 0) get(b), get(c), op(XOR), set(BC);
  get(a), get(b), op(XOR), set(AB);
  if (splitSigma1) {
    t1Start(h), ch(), op(ADD), set(h); // h += W + K + Ch
    bigSigma1(e), set(S1);
    get(d), get(h), op(ADD), get(S1), op(ADD), set(d); // d += h + Σ1(e): the next e
    get(h), get(S1), op(ADD), maj(), op(ADD), bigSigma0(a), op(ADD), set(h); // h + Σ1(e) + Maj + Σ0(a): the next a
  } else {
    t1Start(h), ch(), op(ADD), bigSigma1(e), op(ADD), set(h); // T1
    get(d), get(h), op(ADD), set(d); // the next e
    get(h), maj(), op(ADD), bigSigma0(a), op(ADD), set(h); // the next a
  }
  get(AB), set(BC);
}

function loadState(): void {
  for (let i = 0; i < 8; i++) get(STATE), memory(I32_LOAD, WORD_ALIGNED, 4 * i), set(VARS + i);
}

function addToState(): void {
  for (let i = 0; i < 8; i++) get(STATE), get(STATE), memory(I32_LOAD, WORD_ALIGNED, 4 * i), get(VARS + i), op(ADD), memory(I32_STORE, WORD_ALIGNED, 4 * i);
}

/** The scalar form: W[t] computed in place in 16 locals, K[t] as constants. */
function scalarBody(k: ArrayLike<number>): void {
  const w = (t: number): number => FREE + (t % 16);
  for (let t = 0; t < 16; t++) {
    // Big-endian words (RFC 6234 §6.2 step 1): the byte swap as two masked 8-bit rotates.
    get(BLOCK), memory(I32_LOAD, BYTE_ALIGNED, 4 * t), set(w(t));
    get(w(t)), i32(0xff00ff00), op(AND), i32(8), op(ROTL), get(w(t)), i32(0x00ff00ff), op(AND), i32(8), op(ROTR), op(OR), set(w(t));
  }
  loadState();
  for (let t = 0; t < 64; t++) {
    if (t >= 16) {
      // W[t] = σ1(W[t−2]) + W[t−7] + σ0(W[t−15]) + W[t−16]
      get(w(t)), smallSigma(w(t - 2), 17, 19, 10), get(w(t - 7)), op(ADD), smallSigma(w(t - 15), 7, 18, 3), op(ADD), op(ADD), set(w(t));
    }
    round(t, (h) => (get(w(t)), get(h), i32(k[t]), op(ADD), op(ADD)), false);
  }
  addToState();
}

// SIMD: a v128 has no rotate, so ROTRⁿ(x) = (x >>> n) | (x << (32 − n)).
const shift = (x: number, by: number, opcode: number): void => (get(x), i32(by), simd(opcode));
/** An i32x4 shuffle of the eight lanes of (x, y), as the i8x16.shuffle of their bytes. */
function shuffle(x: number, y: number, lanes: number[]): void {
  get(x), get(y), simd(I8X16_SHUFFLE);
  for (const lane of lanes) byte(4 * lane), byte(4 * lane + 1), byte(4 * lane + 2), byte(4 * lane + 3);
}
/** σ0 of four words. */
function smallSigma0x4(x: number): void {
  shift(x, 7, I32X4_SHR_U), shift(x, 25, I32X4_SHL), simd(V128_OR), shift(x, 18, I32X4_SHR_U), shift(x, 14, I32X4_SHL), simd(V128_OR), simd(V128_XOR);
  shift(x, 3, I32X4_SHR_U), simd(V128_XOR);
}
/**
 * σ1 of the words in lanes 0 and 2, each duplicated into its 64-bit half: a 64-bit shift of (w:w)
 * by n leaves ROTRⁿ(w) in the low lane, so two 64-bit shifts and one 32-bit shift do it.
 */
function smallSigma1x2(x: number): void {
  shift(x, 17, I64X2_SHR_U), shift(x, 19, I64X2_SHR_U), simd(V128_XOR), shift(x, 10, I32X4_SHR_U), simd(V128_XOR);
}

/** The SIMD form: W[4j..4j+3] in v128 local x(j), W + K through SCHEDULE. */
function simdBody(layout: CompressLayout): void {
  const x = (j: number): number => FREE + (j % 4);
  const [TEMP, PARTIAL, LOW, FIRST] = [FREE + 4, FREE + 5, FREE + 6, FREE + 7];
  const storeToSchedule = (slot: number): void => (simd(V128_STORE), byte(V128_ALIGNED), uleb(16 * slot));
  for (let j = 0; j < 4; j++) {
    get(BLOCK), simd(V128_LOAD), byte(BYTE_ALIGNED), uleb(16 * j), set(x(j));
    get(x(j)), get(x(j)), simd(I8X16_SHUFFLE);
    for (const b of [3, 2, 1, 0, 7, 6, 5, 4, 11, 10, 9, 8, 15, 14, 13, 12]) byte(b); // big-endian words
    set(x(j));
  }
  loadState();
  // W[t..t+3] = σ1(W[t−2]) + W[t−7] + σ0(W[t−15]) + W[t−16] (RFC 6234 §6.2 step 1) from x16 = W[t−16..t−13],
  // x12, x8 and x4 = W[t−4..t−1]. W[t+2] and W[t+3] need σ1 of W[t] and W[t+1]: σ1 goes over two lanes,
  // then over the two just made.
  const group = (j: number): void => {
    if (j >= 4) {
      const [x16, x12, x8, x4] = [x(j), x(j + 1), x(j + 2), x(j + 3)];
      shuffle(x16, x12, [1, 2, 3, 4]), set(TEMP);
      get(x16), shuffle(x8, x4, [1, 2, 3, 4]), simd(I32X4_ADD), smallSigma0x4(TEMP), simd(I32X4_ADD), set(PARTIAL);
      shuffle(x4, x4, [2, 2, 3, 3]), set(TEMP), smallSigma1x2(TEMP), set(LOW);
      get(PARTIAL), shuffle(LOW, LOW, [0, 2, 0, 2]), simd(I32X4_ADD), set(FIRST);
      shuffle(FIRST, FIRST, [0, 0, 1, 1]), set(TEMP);
      get(PARTIAL), get(LOW), smallSigma1x2(TEMP), simd(I8X16_SHUFFLE);
      for (const lane of [0, 2, 4, 6]) byte(4 * lane), byte(4 * lane + 1), byte(4 * lane + 2), byte(4 * lane + 3);
      simd(I32X4_ADD), set(x(j));
    }
    i32(layout.schedule), get(x(j)), i32(layout.k256), simd(V128_LOAD), byte(V128_ALIGNED), uleb(16 * j), simd(I32X4_ADD), storeToSchedule(j % 2);
  };
  group(0);
  for (let j = 0; j < 16; j++) {
    if (j < 15) group(j + 1);
    for (let i = 0; i < 4; i++) {
      round(4 * j + i, (h) => (get(h), i32(layout.schedule), memory(I32_LOAD, WORD_ALIGNED, 16 * (j % 2) + 4 * i), op(ADD)), true);
    }
  }
  // The slots held W + K of a block that may be key material (an HMAC pad block).
  for (const slot of [0, 1]) i32(layout.schedule), i32(0), simd(I32X4_SPLAT), storeToSchedule(slot);
  addToState();
}

/**
 * The body of compress(state, block) in `form`, encoded as a code section entry (its size, its
 * locals, its instructions). `k` holds the 64 round constants (the core's K256 table).
 */
export function compressBody(form: CompressForm, k: ArrayLike<number>, layout: CompressLayout): Uint8Array<ArrayBuffer> {
  code = new Uint8Array(BUFFER);
  n = 0;
  if (form === "scalar") {
    byte(1), byte(FREE - 2 + 16), byte(I32); // one run of locals: 27 i32
    scalarBody(k);
  } else if (form === "simd") {
    byte(2), byte(FREE - 2), byte(I32), byte(8), byte(V128); // 11 i32, then 8 v128
    simdBody(layout);
  } else {
    throw new TypeError(`"form" must be "scalar" or "simd"`);
  }
  byte(END);
  // A typed array drops writes past its end: a longer body would come out truncated.
  if (n > BUFFER) throw new Error(`compressBody: the ${form} body needs more than ${BUFFER} bytes`);
  const size = ulebBytes(n);
  const entry = new Uint8Array(size.length + n);
  entry.set(size);
  entry.set(code.subarray(0, n), size.length);
  code = new Uint8Array(0);
  return entry;
}
