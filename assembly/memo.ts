// Midstate reuse for messages that share leading blocks with the previous one.
//
// A gateway signs many requests to the same endpoints: canonical requests that start with the
// same method, path, query and first headers, and strings to sign whose first block (algorithm,
// date to the second, scope) repeats for every request of a second under one key. SHA-256 is a
// chain over 64-byte blocks (RFC 6234 §6.2), so the state after k identical leading blocks is the
// same: a slot remembers the last message's first blocks and the state after each, and the next
// message resumes after the longest run of blocks it repeats. Checking costs a comparison of the
// blocks, far less than compressing them; a message that differs from its first byte pays only that.
//
// A slot is valid for one start state (H(0), or the inner midstate of the loaded HMAC key): a
// different start, such as another signing key, invalidates it.

import { CTX_STATE, CTX_BUFFERED, CTX_TOTAL, BLOCK, MEMO_START, MEMO_COUNT, MEMO_BLOCKS_AT } from "./memory";
import { compress, update } from "./sha256";

function equal(a: usize, b: usize, len: u32): bool {
  for (let i: usize = 0; i < <usize>len; i += 8) {
    if (load<u64>(a + i) != load<u64>(b + i)) return false;
  }
  return true;
}

/**
 * The running hash of start-state ‖ ptr[0..len), through `slot` (which remembers up to `blocks`
 * blocks): equivalent to resume(start, absorbed) then update(ptr, len), without compressing the
 * leading blocks the previous message through this slot had too. CTX then holds the running hash.
 */
export function memoUpdate(slot: usize, blocks: u32, start: usize, absorbed: u64, ptr: usize, len: u32): void {
  const full = min<u32>(len / BLOCK, blocks);
  const states = slot + MEMO_BLOCKS_AT + <usize>blocks * BLOCK;
  let count = load<u32>(slot + MEMO_COUNT);
  if (!equal(slot + MEMO_START, start, 32)) count = 0;
  let reused: u32 = 0;
  while (reused < min<u32>(full, count) && equal(slot + MEMO_BLOCKS_AT + <usize>reused * BLOCK, ptr + <usize>reused * BLOCK, BLOCK)) reused++;
  memory.copy(CTX_STATE, reused == 0 ? start : states + <usize>(reused - 1) * 32, 32);
  for (let b = reused; b < full; b++) {
    compress(CTX_STATE, ptr + <usize>b * BLOCK);
    memory.copy(slot + MEMO_BLOCKS_AT + <usize>b * BLOCK, ptr + <usize>b * BLOCK, BLOCK);
    memory.copy(states + <usize>b * 32, CTX_STATE, 32);
  }
  if (full > reused) {
    memory.copy(slot + MEMO_START, start, 32);
    store<u32>(slot + MEMO_COUNT, full);
  }
  store<u32>(CTX_BUFFERED, 0);
  store<u64>(CTX_TOTAL, absorbed + <u64>full * BLOCK);
  update(ptr + <usize>full * BLOCK, len - full * BLOCK);
}
