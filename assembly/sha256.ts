// SHA-256 (RFC 6234 §6.2, FIPS 180-4 §6.2) over the CTX region of memory.ts.
// Pointers and lengths only: callers place bytes in memory and say where they are.

import { IV256, CTX_STATE, CTX_BLOCK, CTX_BUFFERED, CTX_TOTAL, BLOCK, INPUT, INPUT_SIZE, DIGEST, DIGEST_HEX } from "./memory";
import { hex32 } from "./hex";
import { compress } from "./sha256-compress";

export { compress };

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

/** DIGEST as 64 lowercase hex characters in DIGEST_HEX: hashes and payload hashes are sent as hex. */
export function digestHex(): void {
  hex32(DIGEST, DIGEST_HEX);
}
