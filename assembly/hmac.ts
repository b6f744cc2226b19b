// HMAC-SHA256 (RFC 2104, with SHA-256 per RFC 4231) from precomputed midstates.
//
// Loading a key hashes the two 64-byte blocks K⊕ipad and K⊕opad once and keeps the resulting
// states in HMAC_KEY; every MAC under that key then costs only its message blocks plus one
// outer block. The JavaScript side may save and restore HMAC_KEY to cache keys.

import { HMAC_INNER, HMAC_OUTER, HMAC_PAD, DIGEST, IV256, BLOCK, DIGEST_SIZE, INPUT, INPUT_SIZE } from "./memory";
import { compress, init, update, final, resume } from "./sha256";

// RFC 2104 §2: ipad = 0x36 repeated, opad = 0x5c repeated (as 64-bit words here).
const IPAD: u64 = 0x3636363636363636;
const OPAD: u64 = 0x5c5c5c5c5c5c5c5c;

/** HMAC_PAD ^= the 64-bit word `mask`, all 64 bytes. */
function xorPad(mask: u64): void {
  for (let i: usize = 0; i < BLOCK; i += 8) store<u64>(HMAC_PAD + i, load<u64>(HMAC_PAD + i) ^ mask);
}

/**
 * Loads the key of `keyLen` bytes at `key` into HMAC_KEY. Keys longer than one block are hashed
 * first (RFC 2104 §2). HMAC_PAD is all zeros between calls (static data starts zeroed, and it is
 * zeroed again before returning), so the key padded with zeros is its bytes alone, and K⊕ipad
 * becomes K⊕opad by one more XOR. The caller wipes `key` itself.
 */
export function loadKey(key: usize, keyLen: u32): void {
  if (keyLen > BLOCK) {
    init();
    update(key, keyLen);
    final(DIGEST);
    key = DIGEST;
    keyLen = DIGEST_SIZE;
  }
  copyBytes(HMAC_PAD, key, keyLen);
  xorPad(IPAD);
  copy32(HMAC_INNER, IV256);
  compress(HMAC_INNER, HMAC_PAD);
  xorPad(IPAD ^ OPAD);
  copy32(HMAC_OUTER, IV256);
  compress(HMAC_OUTER, HMAC_PAD);
  // The pad block is the key in disguise. (The schedule computed from it lives in locals of the
  // scalar compress(); the SIMD compress wipes the SCHEDULE slots it used before returning.)
  zeroPad();
  if (key == DIGEST) memory.fill(DIGEST, 0, DIGEST_SIZE);
}

/**
 * The MAC of a message that fits one padded block (at most 55 bytes) under the loaded key, into
 * `out`, consuming the key: the inner and the outer block are written straight into HMAC_PAD and
 * compressed onto the midstates in place, without the running hash (resume, update, final) and its
 * copies. It writes only the bytes that are not zero, so HMAC_PAD must be all zeros on entry, as
 * loadKey() leaves it. The key chain's dates and terminator are such messages, and so are its
 * regions and services but the longest; its keys are each used once. A key derivation took
 * 2.49–2.55 µs this way against 2.85 µs with every MAC through mac(), where its 18 compressions
 * alone take 2.28–2.33 µs (SIMD core, Node 20, this project's machine class); the word moves below
 * instead of memory.copy and memory.fill calls account for 86–139 ns of the gain.
 */
export function macShortOnce(msg: usize, len: u32, out: usize): void {
  assert(len <= BLOCK - 9, "macShortOnce: the message does not fit one padded block");
  copyBytes(HMAC_PAD, msg, len);
  store<u8>(HMAC_PAD + len, 0x80);
  store<u64>(HMAC_PAD + BLOCK - 8, bswap<u64>(<u64>(BLOCK + len) << 3));
  compress(HMAC_INNER, HMAC_PAD);
  // RFC 2104 step 7: H(K⊕opad ‖ inner digest), the digest as big-endian words, then its padding.
  for (let i: usize = 0; i < 32; i += 4) store<u32>(HMAC_PAD + i, bswap<u32>(load<u32>(HMAC_INNER + i)));
  store<u64>(HMAC_PAD + 32, 0x80);
  store<u64>(HMAC_PAD + 40, 0);
  store<u64>(HMAC_PAD + 48, 0);
  store<u64>(HMAC_PAD + BLOCK - 8, bswap<u64>(<u64>(BLOCK + DIGEST_SIZE) << 3));
  compress(HMAC_OUTER, HMAC_PAD);
  for (let i: usize = 0; i < 32; i += 4) store<u32>(out + i, bswap<u32>(load<u32>(HMAC_OUTER + i)));
  zeroPad();
}

/** Bytes [0, len) of `src` to `dst` (len ≤ 64): word moves, cheaper than memory.copy's call at these sizes. */
function copyBytes(dst: usize, src: usize, len: u32): void {
  let i: usize = 0;
  for (; i + 8 <= <usize>len; i += 8) store<u64>(dst + i, load<u64>(src + i));
  for (; i < <usize>len; i++) store<u8>(dst + i, load<u8>(src + i));
}

function copy32(dst: usize, src: usize): void {
  for (let i: usize = 0; i < 32; i += 8) store<u64>(dst + i, load<u64>(src + i));
}

/** HMAC_PAD back to all zeros, as every key load and macShortOnce() expect it. */
function zeroPad(): void {
  for (let i: usize = 0; i < BLOCK; i += 8) store<u64>(HMAC_PAD + i, 0);
}

/** Starts the inner hash of a MAC under the loaded key; the message follows through update(). */
export function start(): void {
  resume(HMAC_INNER, BLOCK);
}

/** Finishes the MAC: inner digest, then H(K⊕opad ‖ inner) into `out` (RFC 2104 §2 step 7). */
export function finish(out: usize): void {
  final(DIGEST);
  resume(HMAC_OUTER, BLOCK);
  update(DIGEST, DIGEST_SIZE);
  final(out);
}

/** One MAC of `len` bytes at `ptr` under the loaded key, into `out`. */
export function mac(ptr: usize, len: u32, out: usize): void {
  start();
  update(ptr, len);
  finish(out);
}


// ABI: keys and messages the caller placed in INPUT; the MAC lands in DIGEST.

/** Loads the key INPUT[0..keyLen) and wipes it from INPUT. */
export function hmacLoadKey(keyLen: u32): void {
  assert(keyLen <= INPUT_SIZE, "hmacLoadKey: keyLen exceeds INPUT");
  loadKey(INPUT, keyLen);
  memory.fill(INPUT, 0, keyLen);
}

export function hmacStart(): void {
  start();
}

export function hmacFinal(): void {
  finish(DIGEST);
}

/** One-shot HMAC: key INPUT[0..keyLen), message right after it; the key is wiped. */
export function hmac(keyLen: u32, dataLen: u32): void {
  assert(<u64>keyLen + <u64>dataLen <= <u64>INPUT_SIZE, "hmac: key and data exceed INPUT");
  hmacLoadKey(keyLen);
  mac(INPUT + keyLen, dataLen, DIGEST);
}
