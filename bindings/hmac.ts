// HMAC-SHA256 (RFC 2104 with SHA-256, RFC 4231) through the core.

import { core } from "./wasm/instance.js";
import type { Core } from "./wasm/abi.js";
import { HMAC_KEY_SIZE } from "./wasm/abi.js";
import { toBytes, copyOf, wipe } from "./bytes.js";
import { releaseCtx, absorb, readDigest, sha256 } from "./sha256.js";

/** Loads `key` into HMAC_KEY (RFC 2104 §2: a key longer than the block is replaced by its hash, here, so keys larger than INPUT work too). */
function loadKey(c: Core, keyBytes: Uint8Array): void {
  const k = keyBytes.length > 64 ? sha256(keyBytes) : keyBytes;
  c.mem.set(k, c.input);
  c.fn.hmacLoadKey(k.length);
}

/** The MAC of `data` under the key in HMAC_KEY. */
function macLoaded(c: Core, data: string | Uint8Array): Uint8Array {
  c.fn.hmacStart();
  absorb(c, data, "data");
  c.fn.hmacFinal();
  return readDigest(c);
}

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
  loadKey(c, keyBytes);
  return macLoaded(c, dataBytes);
}

/**
 * An HMAC-SHA256 key set up once: its two midstates (K⊕ipad and K⊕opad hashed, RFC 2104) are
 * kept, so each MAC costs only the message's blocks and one outer block, not the key's two.
 * For integrations that MAC many messages under one key.
 */
export class HmacSha256Key {
  readonly #midstates: Uint8Array;
  #destroyed = false;

  constructor(key: string | Uint8Array) {
    const c = core();
    releaseCtx(c);
    loadKey(c, toBytes(key, "key"));
    this.#midstates = copyOf(c.mem, c.hmacKey, c.hmacKey + HMAC_KEY_SIZE);
    c.keyOwner = this;
  }

  /** HMAC-SHA256 of `data` (strings are UTF-8 encoded) under this key. */
  mac(data: string | Uint8Array): Uint8Array {
    if (this.#destroyed) throw new Error("HmacSha256Key: destroy() was called; create a new key");
    const c = core();
    releaseCtx(c);
    if (c.keyOwner !== this) {
      c.mem.set(this.#midstates, c.hmacKey);
      c.keyOwner = this;
    }
    return macLoaded(c, data);
  }

  /** Wipes the key's midstates; the instance cannot be used afterwards. */
  destroy(): void {
    this.#destroyed = true;
    wipe(this.#midstates);
    const c = core();
    if (c.keyOwner === this) {
      wipe(c.mem, c.hmacKey, c.hmacKey + HMAC_KEY_SIZE);
      c.keyOwner = null;
    }
  }
}
