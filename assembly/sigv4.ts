// The SigV4 key chain and the final signature (AWS SigV4 documentation, "Calculate the signature":
// kDate = HMAC("AWS4" + secret, date), kRegion = HMAC(kDate, region),
// kService = HMAC(kRegion, service), kSigning = HMAC(kService, "aws4_request"),
// signature = hex(HMAC(kSigning, string to sign))).
//
// The protocol strings themselves ("AWS4", "aws4_request", the string-to-sign lines) are written
// by the TypeScript layer, which keeps every protocol string in one constants file; the core only
// sees bytes and lengths.

import {
  INPUT, INPUT_SIZE, CHAIN, CHAIN_SIZE, HMAC_KEY, HMAC_KEY_SIZE, CTX, CTX_SIZE, DIGEST, DIGEST_HEX, STS, STS_SIZE, SIGNATURE, IV256, BLOCK, HMAC_INNER,
  MEMO_CREQ, MEMO_CREQ_BLOCKS, MEMO_STS, MEMO_STS_BLOCKS,
} from "./memory";
import { init, update, final } from "./sha256";
import { loadKey, mac, macShortOnce, finish } from "./hmac";
import { memoUpdate } from "./memo";
import { hex32 } from "./hex";

/**
 * One HMAC of the chain under the loaded key: a message that fits one padded block through
 * macShortOnce(), a longer one (a region or service over 55 bytes) through mac().
 */
function chainMac(msg: usize, len: u32, out: usize): void {
  if (len <= BLOCK - 9) macShortOnce(msg, len, out);
  else mac(msg, len, out);
}

/**
 * Derives kSigning from INPUT = kSecret ‖ date ‖ region ‖ service ‖ terminator (kSecret already
 * carries its "AWS4" prefix) and leaves its HMAC midstates loaded, ready for sign(). kSecret is
 * wiped from INPUT. With `chainOnly` (callers that want the keys as bytes: deriveSigningKey,
 * signingKeyChain), kDate..kSigning are left in CHAIN for the caller to read and wipe, and kSigning
 * is not loaded: its two pad blocks are 2 of the chain's 18 compressions. HMAC_KEY, which then
 * holds the last MAC's states (kSigning's inner hash, and kSigning itself as native words), is zeroed.
 */
export function deriveSigningKey(
  secretLen: u32, dateLen: u32, regionLen: u32, serviceLen: u32, terminatorLen: u32, chainOnly: bool,
): void {
  assert(<u64>secretLen + dateLen + regionLen + serviceLen + terminatorLen <= <u64>INPUT_SIZE, "deriveSigningKey: fields exceed INPUT");
  let msg = INPUT + secretLen;
  loadKey(INPUT, secretLen);
  memory.fill(INPUT, 0, secretLen);
  chainMac(msg, dateLen, CHAIN);
  msg += dateLen;
  loadKey(CHAIN, 32);
  chainMac(msg, regionLen, CHAIN + 32);
  msg += regionLen;
  loadKey(CHAIN + 32, 32);
  chainMac(msg, serviceLen, CHAIN + 64);
  msg += serviceLen;
  loadKey(CHAIN + 64, 32);
  chainMac(msg, terminatorLen, CHAIN + 96);
  // CTX and DIGEST hold key material when a MAC went through mac() (a region or service over 55
  // bytes: a chain key's inner hash and state) or the secret was hashed (over 64 bytes: H(kSecret)).
  memory.fill(CTX, 0, CTX_SIZE);
  memory.fill(DIGEST, 0, 32);
  if (chainOnly) {
    memory.fill(HMAC_KEY, 0, HMAC_KEY_SIZE);
    return;
  }
  loadKey(CHAIN + 96, 32);
  memory.fill(CHAIN, 0, CHAIN_SIZE);
}

/**
 * From the canonical request's running hash in CTX: appends its hex SHA-256 to the string-to-sign
 * prefix STS[0..prefixLen) and writes hex(HMAC(kSigning, STS)) to SIGNATURE, under the key loaded
 * by deriveSigningKey() or restored into HMAC_KEY by the caller. The string to sign's first block
 * goes through MEMO_STS: within one second, every request signed under one key and scope shares it.
 */
function finishSignature(prefixLen: u32): void {
  assert(prefixLen + 64 <= STS_SIZE, "sign: prefix exceeds STS");
  final(DIGEST);
  hex32(DIGEST, STS + prefixLen);
  memoUpdate(MEMO_STS, MEMO_STS_BLOCKS, HMAC_INNER, BLOCK, STS, prefixLen + 64);
  finish(DIGEST);
  hex32(DIGEST, SIGNATURE);
}

/**
 * Finishes a canonical request whose earlier bytes were streamed with hashUpdate(): absorbs
 * INPUT[0..lastLen), then completes the string to sign and the signature (finishSignature).
 */
export function signFinal(lastLen: u32, prefixLen: u32): void {
  assert(lastLen <= INPUT_SIZE, "signFinal: lastLen exceeds INPUT");
  update(INPUT, lastLen);
  finishSignature(prefixLen);
}

/**
 * The fused signature: canonical request INPUT[0..creqLen) to hex signature in one call. Its
 * leading blocks go through MEMO_CREQ, so requests that start like the previous one skip them.
 */
export function sign(creqLen: u32, prefixLen: u32): void {
  assert(creqLen <= INPUT_SIZE, "sign: creqLen exceeds INPUT");
  memoUpdate(MEMO_CREQ, MEMO_CREQ_BLOCKS, IV256, 0, INPUT, creqLen);
  finishSignature(prefixLen);
}

/**
 * sign() for a canonical request whose last line, the body's hash, the core computes: the lines
 * before it at INPUT[0..headLen), the body at INPUT[bodyAt..bodyAt + bodyLen). The body's hex
 * SHA-256 goes to DIGEST_HEX and after the lines, which completes the canonical request: a body,
 * its hash and the signature in one call, the hash read back with the signature.
 */
export function signBody(headLen: u32, bodyAt: u32, bodyLen: u32, prefixLen: u32): void {
  assert(<u64>headLen + 64 <= <u64>bodyAt && <u64>bodyAt + bodyLen <= <u64>INPUT_SIZE, "signBody: regions overlap or exceed INPUT");
  init();
  update(INPUT + bodyAt, bodyLen);
  final(DIGEST);
  hex32(DIGEST, DIGEST_HEX);
  memory.copy(INPUT + headLen, DIGEST_HEX, 64);
  sign(headLen + 64, prefixLen);
}
