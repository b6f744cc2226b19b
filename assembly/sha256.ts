// SHA-256 (RFC 6234 §6.2, FIPS 180-4 §6.2) over the CTX region of memory.ts.
// Pointers and lengths only: callers place bytes in memory and say where they are.

import {
  K256, IV256, SCHEDULE, CTX_STATE, CTX_BLOCK, CTX_BUFFERED, CTX_TOTAL, BLOCK, INPUT, INPUT_SIZE, DIGEST,
} from "./memory";

// RFC 6234 §5.1: the four functions on 32-bit words, written with the rotate builtin.
@inline function bigSigma0(x: u32): u32 { return rotr<u32>(x, 2) ^ rotr<u32>(x, 13) ^ rotr<u32>(x, 22); }
@inline function bigSigma1(x: u32): u32 { return rotr<u32>(x, 6) ^ rotr<u32>(x, 11) ^ rotr<u32>(x, 25); }
@inline function smallSigma0(x: u32): u32 { return rotr<u32>(x, 7) ^ rotr<u32>(x, 18) ^ (x >>> 3); }
@inline function smallSigma1(x: u32): u32 { return rotr<u32>(x, 17) ^ rotr<u32>(x, 19) ^ (x >>> 10); }
// Ch and Maj in their shorter equivalent forms (same truth tables as RFC 6234 §5.1).
@inline function ch(x: u32, y: u32, z: u32): u32 { return z ^ (x & (y ^ z)); }
@inline function maj(x: u32, y: u32, z: u32): u32 { return (x & y) | (z & (x | y)); }

/** Processes one 64-byte block at `block` into the state H at `state` (RFC 6234 §6.2 steps 1–4). */
export function compress(state: usize, block: usize): void {
  for (let t: usize = 0; t < 16; t++) {
    store<u32>(SCHEDULE + (t << 2), bswap<u32>(load<u32>(block + (t << 2))));
  }
  for (let t: usize = 16; t < 64; t++) {
    const w = SCHEDULE + (t << 2);
    store<u32>(w, smallSigma1(load<u32>(w - 8)) + load<u32>(w - 28) + smallSigma0(load<u32>(w - 60)) + load<u32>(w - 64));
  }
  let a = load<u32>(state), b = load<u32>(state, 4), c = load<u32>(state, 8), d = load<u32>(state, 12);
  let e = load<u32>(state, 16), f = load<u32>(state, 20), g = load<u32>(state, 24), h = load<u32>(state, 28);
  for (let t: usize = 0; t < 64; t++) {
    const t1 = h + bigSigma1(e) + ch(e, f, g) + load<u32>(K256 + (t << 2)) + load<u32>(SCHEDULE + (t << 2));
    const t2 = bigSigma0(a) + maj(a, b, c);
    h = g; g = f; f = e; e = d + t1;
    d = c; c = b; b = a; a = t1 + t2;
  }
  store<u32>(state, load<u32>(state) + a);
  store<u32>(state, load<u32>(state, 4) + b, 4);
  store<u32>(state, load<u32>(state, 8) + c, 8);
  store<u32>(state, load<u32>(state, 12) + d, 12);
  store<u32>(state, load<u32>(state, 16) + e, 16);
  store<u32>(state, load<u32>(state, 20) + f, 20);
  store<u32>(state, load<u32>(state, 24) + g, 24);
  store<u32>(state, load<u32>(state, 28) + h, 28);
}

/** Starts the running hash from a given state (H(0), or an HMAC midstate) after `absorbed` bytes. */
export function resume(state: usize, absorbed: u64): void {
  memory.copy(CTX_STATE, state, 32);
  store<u32>(CTX_BUFFERED, 0);
  store<u64>(CTX_TOTAL, absorbed);
}

/** Starts a new hash (RFC 6234 §6.1). */
export function init(): void {
  resume(IV256, 0);
}

/** Absorbs `len` bytes at `ptr`; any split of a message gives the same digest. */
export function update(ptr: usize, len: u32): void {
  store<u64>(CTX_TOTAL, load<u64>(CTX_TOTAL) + <u64>len);
  let buffered = load<u32>(CTX_BUFFERED);
  if (buffered > 0) {
    const take = min<u32>(BLOCK - buffered, len);
    memory.copy(CTX_BLOCK + buffered, ptr, take);
    buffered += take;
    ptr += take;
    len -= take;
    if (buffered < BLOCK) {
      store<u32>(CTX_BUFFERED, buffered);
      return;
    }
    compress(CTX_STATE, CTX_BLOCK);
  }
  while (len >= BLOCK) {
    compress(CTX_STATE, ptr);
    ptr += BLOCK;
    len -= BLOCK;
  }
  memory.copy(CTX_BLOCK, ptr, len);
  store<u32>(CTX_BUFFERED, len);
}

/** Pads (RFC 6234 §4.1), processes the last block(s) and writes the 32-byte digest to `out`. */
export function final(out: usize): void {
  let buffered = load<u32>(CTX_BUFFERED);
  const bits = load<u64>(CTX_TOTAL) << 3;
  store<u8>(CTX_BLOCK + buffered, 0x80);
  buffered++;
  if (buffered > BLOCK - 8) {
    memory.fill(CTX_BLOCK + buffered, 0, BLOCK - buffered);
    compress(CTX_STATE, CTX_BLOCK);
    buffered = 0;
  }
  memory.fill(CTX_BLOCK + buffered, 0, BLOCK - 8 - buffered);
  store<u64>(CTX_BLOCK + BLOCK - 8, bswap<u64>(bits));
  compress(CTX_STATE, CTX_BLOCK);
  for (let i: usize = 0; i < 32; i += 4) {
    store<u32>(out + i, bswap<u32>(load<u32>(CTX_STATE + i)));
  }
  // The partial block may have held key-derived bytes (HMAC); leave nothing behind.
  memory.fill(CTX_BLOCK, 0, BLOCK);
}

// ABI: the running hash over bytes the caller placed in INPUT; the digest lands in DIGEST.

export function hashInit(): void {
  init();
}

export function hashUpdate(len: u32): void {
  assert(len <= INPUT_SIZE, "hashUpdate: len exceeds INPUT");
  update(INPUT, len);
}

export function hashFinal(): void {
  final(DIGEST);
}

/** One-shot SHA-256 of INPUT[0..len) into DIGEST: one boundary crossing. */
export function hash(len: u32): void {
  assert(len <= INPUT_SIZE, "hash: len exceeds INPUT");
  init();
  update(INPUT, len);
  final(DIGEST);
}
