// SHA-256 (RFC 6234) through the core: one-shot and streaming, any size, synchronous.

import { core } from "./wasm/instance.js";
import { DIGEST_SIZE, type Core } from "./wasm/abi.js";
import { toBytes, span, copyOf } from "./bytes.js";
import { encodeUtf8Into, decodeAscii } from "./utf8.js";
import { viewsOf } from "./core-views.js";

/** Saves any streaming hash whose state is in CTX, so that CTX can be used for something else. */
export function releaseCtx(c: Core): void {
  if (c.ctxOwner !== null) {
    c.ctxOwner.suspend();
    c.ctxOwner = null;
  }
}

/** Absorbs `bytes` into the running hash, through INPUT in chunks of its size. */
export function feed(c: Core, bytes: Uint8Array): void {
  for (let off = 0; off < bytes.length; off += c.inputSize) {
    const chunk = span(bytes, off, Math.min(bytes.length, off + c.inputSize));
    c.mem.set(chunk, c.input);
    c.fn.hashUpdate(chunk.length);
  }
}

/**
 * Absorbs `data` into the running hash (strings are UTF-8 encoded): a string that surely fits is
 * encoded straight into INPUT, with no intermediate bytes; anything else goes through feed().
 */
export function absorb(c: Core, data: string | Uint8Array, name: string): void {
  if (typeof data === "string" && data.length * 3 <= c.inputSize) c.fn.hashUpdate(encodeUtf8Into(data, viewsOf(c).input, 0));
  else feed(c, toBytes(data, name));
}

/** Copies the digest out of DIGEST. */
export function readDigest(c: Core): Uint8Array {
  return copyOf(c.mem, c.digest, c.digest + DIGEST_SIZE);
}

/** Hashes `data` into DIGEST (one boundary crossing when it fits in INPUT). */
export function hashInto(c: Core, data: string | Uint8Array, name: string): void {
  releaseCtx(c);
  if (typeof data === "string" && data.length * 3 <= c.inputSize) {
    c.fn.hash(encodeUtf8Into(data, viewsOf(c).input, 0));
    return;
  }
  const bytes = toBytes(data, name);
  if (bytes.length <= c.inputSize) {
    c.mem.set(bytes, c.input);
    c.fn.hash(bytes.length);
    return;
  }
  c.fn.hashInit();
  feed(c, bytes);
  c.fn.hashFinal();
}

/** SHA-256 of `data` (strings are UTF-8 encoded). */
export function sha256(data: string | Uint8Array): Uint8Array {
  const c = core();
  hashInto(c, data, "data");
  return readDigest(c);
}

/** DIGEST as lowercase hex: spelled out by the core in DIGEST_HEX and read as one string. */
function digestHex(c: Core): string {
  c.fn.digestHex();
  return decodeAscii(viewsOf(c).hex, 0, 64);
}

/** SHA-256 of `data` as lowercase hex. */
export function sha256Hex(data: string | Uint8Array): string {
  const c = core();
  hashInto(c, data, "data");
  return digestHex(c);
}

/**
 * A streaming SHA-256 for payloads of any size: `new Sha256().update(a).update(b).digest()`.
 * Several instances may be interleaved; each keeps its state while another one runs.
 */
export class Sha256 {
  #core: Core | undefined;
  #saved: Uint8Array | undefined;
  #finished = false;

  /** Absorbs a chunk (strings are UTF-8 encoded). */
  update(chunk: string | Uint8Array): this {
    absorb(this.#resume(), chunk, "chunk");
    return this;
  }

  /** The digest of everything absorbed; the instance cannot be updated afterwards. */
  digest(): Uint8Array {
    const c = this.#resume();
    c.fn.hashFinal();
    this.#finished = true;
    c.ctxOwner = null;
    return readDigest(c);
  }

  /** Copies this hash's state out of CTX (called when something else needs CTX). */
  suspend(): void {
    const c = this.#core as Core;
    this.#saved = copyOf(c.mem, c.ctx, c.ctx + c.ctxSize);
  }

  #resume(): Core {
    if (this.#finished) throw new Error("Sha256: digest() was already called; create a new instance");
    const c = core();
    if (c.ctxOwner === this) return c;
    if (this.#core !== undefined && this.#core !== c && this.#core.ctxOwner === this) {
      this.suspend();
      this.#core.ctxOwner = null;
    }
    releaseCtx(c);
    if (this.#saved === undefined) c.fn.hashInit();
    else c.mem.set(this.#saved, c.ctx);
    this.#core = c;
    c.ctxOwner = this;
    return c;
  }
}
