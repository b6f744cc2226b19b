// HMAC-SHA256 (RFC 2104 with SHA-256, RFC 4231) through the core.

import { core } from "./wasm/instance.js";
import { toBytes } from "./bytes.js";
import { releaseCtx, feed, readDigest, sha256 } from "./sha256.js";

/** HMAC-SHA256 of `data` under `key` (strings are UTF-8 encoded; keys of any length). */
export function hmacSha256(key: string | Uint8Array, data: string | Uint8Array): Uint8Array {
  const keyBytes = toBytes(key, "key");
  const dataBytes = toBytes(data, "data");
  const c = core();
  releaseCtx(c);
  c.keyOwner = null;
  if (keyBytes.length + dataBytes.length <= c.inputSize) {
    c.mem.set(keyBytes, c.input);
    c.mem.set(dataBytes, c.input + keyBytes.length);
    c.fn.hmac(keyBytes.length, dataBytes.length);
    return readDigest(c);
  }
  // RFC 2104 §2: a key longer than the block is replaced by its hash; doing it here lets keys
  // larger than INPUT work too.
  const k = keyBytes.length > 64 ? sha256(keyBytes) : keyBytes;
  c.mem.set(k, c.input);
  c.fn.hmacLoadKey(k.length);
  c.fn.hmacStart();
  feed(c, dataBytes);
  c.fn.hmacFinal();
  return readDigest(c);
}
