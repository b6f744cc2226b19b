// A bounded LRU cache of signing keys, held as their two HMAC midstates (64 bytes), so that a
// signature under a cached key costs only the string-to-sign blocks: no HMAC, no key setup.
// Keys are accessKeyId/date/region/service: never the secret. An entry remembers which secret it
// was derived from (by reference to the caller's string) so that a rotated secret under the same
// access key id is derived afresh rather than signed with a stale key.
//
// Entries are found by access key id, whose string comes from the caller's credentials on every
// call (its hash is computed once and kept by the engine), then among that key's few entries by
// date, region and service, which the signer passes as the same strings from call to call. A key
// made of all four joined would be a new string, hashed anew, on every call: 1000 credentials in
// turn took 410 ns a lookup that way against 114 ns this way, reordering included (Node 20,
// measured on this project's machine class). Recency is a doubly linked list through the entries.

import type { Core } from "./wasm/abi.js";
import { SigningError } from "./errors.js";
import { HMAC_KEY_SIZE } from "./wasm/abi.js";
import { loadSigningKey } from "./signing-key.js";
import { wipe } from "./bytes.js";
import { viewsOf } from "./core-views.js";

interface Entry {
  readonly accessKeyId: string;
  readonly secret: string;
  readonly date: string;
  readonly region: string;
  readonly service: string;
  /** 64 bytes: the key's two midstates. Passed on to the entry that evicts this one (no new buffer per miss). */
  readonly midstates: Uint8Array;
  /** Neighbours in recency order (newer toward the head of the list). */
  newer: Entry | undefined;
  older: Entry | undefined;
}

export interface KeyCacheStats {
  hits: number;
  misses: number;
  size: number;
}

export class SigningKeyCache {
  readonly #max: number;
  /** Entries by access key id: one per day, region and service in use under that key. */
  readonly #byKey = new Map<string, Entry[]>();
  #size = 0;
  /** The most and the least recently used entries. */
  #newest: Entry | undefined;
  #oldest: Entry | undefined;
  #hits = 0;
  #misses = 0;

  /** `max` entries at most (default 64); the least recently used is dropped first. It is a Signer's cacheSize option. */
  constructor(max: number = 64) {
    if (!Number.isInteger(max) || max < 1) throw new SigningError("InvalidOption", "options.cacheSize", "must be a whole number ≥ 1");
    this.#max = max;
  }

  /** Puts the signing key for these inputs into the core's HMAC_KEY region. */
  load(c: Core, accessKeyId: string, secret: string, date: string, region: string, service: string): void {
    const newest = this.#newest;
    const entry = newest !== undefined && matches(newest, accessKeyId, date, region, service) ? newest : this.#find(accessKeyId, date, region, service);
    if (entry !== undefined && entry.secret === secret) {
      this.#hits++;
      this.#touch(entry);
      if (c.keyOwner !== entry) {
        c.mem.set(entry.midstates, c.hmacKey);
        c.keyOwner = entry;
      }
      return;
    }
    this.#misses++;
    loadSigningKey(c, secret, date, region, service, false);
    // A rotated secret's entry hands its buffer on (overwritten below), like an evicted one.
    const midstates = entry !== undefined ? this.#remove(entry) : this.#size < this.#max ? new Uint8Array(HMAC_KEY_SIZE) : this.#remove(this.#oldest as Entry);
    midstates.set(viewsOf(c).hmacKey);
    const fresh: Entry = { accessKeyId, secret, date, region, service, midstates, newer: undefined, older: undefined };
    const entries = this.#byKey.get(accessKeyId);
    if (entries === undefined) this.#byKey.set(accessKeyId, [fresh]);
    else entries.push(fresh);
    this.#size++;
    this.#pushNewest(fresh);
    c.keyOwner = fresh;
  }

  #find(accessKeyId: string, date: string, region: string, service: string): Entry | undefined {
    const entries = this.#byKey.get(accessKeyId);
    if (entries === undefined) return undefined;
    for (let i = 0; i < entries.length; i++) if (matches(entries[i], accessKeyId, date, region, service)) return entries[i];
    return undefined;
  }

  /** Makes `entry` the most recently used. */
  #touch(entry: Entry): void {
    if (entry === this.#newest) return;
    this.#unlink(entry);
    this.#pushNewest(entry);
  }

  #pushNewest(entry: Entry): void {
    entry.older = this.#newest;
    entry.newer = undefined;
    if (this.#newest !== undefined) this.#newest.newer = entry;
    this.#newest = entry;
    if (this.#oldest === undefined) this.#oldest = entry;
  }

  #unlink(entry: Entry): void {
    if (entry.newer !== undefined) entry.newer.older = entry.older;
    else this.#newest = entry.older;
    if (entry.older !== undefined) entry.older.newer = entry.newer;
    else this.#oldest = entry.newer;
    entry.newer = entry.older = undefined;
  }

  /** Drops an entry (the least recently used, or one whose secret was rotated) and returns its midstate buffer for the next key. */
  #remove(entry: Entry): Uint8Array {
    this.#unlink(entry);
    const entries = this.#byKey.get(entry.accessKeyId) as Entry[];
    if (entries.length === 1) this.#byKey.delete(entry.accessKeyId);
    else entries.splice(entries.indexOf(entry), 1);
    this.#size--;
    return entry.midstates;
  }

  stats(): KeyCacheStats {
    return { hits: this.#hits, misses: this.#misses, size: this.#size };
  }

  /** Forgets every key (and wipes their bytes). */
  clear(): void {
    for (const entries of this.#byKey.values()) for (const entry of entries) wipe(entry.midstates);
    this.#byKey.clear();
    this.#size = 0;
    this.#newest = this.#oldest = undefined;
  }
}

function matches(e: Entry, accessKeyId: string, date: string, region: string, service: string): boolean {
  return e.accessKeyId === accessKeyId && e.date === date && e.region === region && e.service === service;
}
