// A bounded LRU cache of signing keys, held as their two HMAC midstates (64 bytes), so that a
// signature under a cached key costs only the string-to-sign blocks: no HMAC, no key setup.
// Keys are accessKeyId/date/region/service: never the secret. An entry remembers which secret it
// was derived from (by reference to the caller's string) so that a rotated secret under the same
// access key id is derived afresh rather than signed with a stale key.

import type { Core } from "./wasm/abi.js";
import { HMAC_KEY_SIZE } from "./wasm/abi.js";
import { loadSigningKey } from "./signing-key.js";
import { wipe } from "./bytes.js";
import { viewsOf } from "./core-views.js";

interface Entry {
  accessKeyId: string;
  secret: string;
  date: string;
  region: string;
  service: string;
  /** 64 bytes: the key's two midstates. Passed on to the entry that evicts this one (no new buffer per miss). */
  midstates: Uint8Array;
}

export interface KeyCacheStats {
  hits: number;
  misses: number;
  size: number;
}

export class SigningKeyCache {
  readonly #max: number;
  readonly #entries = new Map<string, Entry>();
  /** The entry used last: already the most recent, so a repeat needs neither an id nor reordering. */
  #last: Entry | undefined;
  #hits = 0;
  #misses = 0;

  /** `max` entries at most (default 64); the least recently used is dropped first. */
  constructor(max = 64) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError('"max" must be a positive integer');
    this.#max = max;
  }

  /** Puts the signing key for these inputs into the core's HMAC_KEY region. */
  load(c: Core, accessKeyId: string, secret: string, date: string, region: string, service: string): void {
    const last = this.#last;
    if (last !== undefined && last.accessKeyId === accessKeyId && last.secret === secret && last.date === date && last.region === region && last.service === service) {
      this.#hit(c, last);
      return;
    }
    const id = accessKeyId + "\n" + date + "\n" + region + "\n" + service;
    const entry = this.#entries.get(id);
    if (entry !== undefined && entry.secret === secret) {
      this.#entries.delete(id);
      this.#entries.set(id, entry);
      this.#last = entry;
      this.#hit(c, entry);
      return;
    }
    this.#misses++;
    loadSigningKey(c, secret, date, region, service, false);
    // A rotated secret's entry hands its buffer on (overwritten below), like an evicted one.
    if (entry !== undefined) this.#entries.delete(id);
    const midstates = entry !== undefined ? entry.midstates : this.#entries.size < this.#max ? new Uint8Array(HMAC_KEY_SIZE) : this.#evictOldest();
    midstates.set(viewsOf(c).hmacKey);
    const fresh: Entry = { accessKeyId, secret, date, region, service, midstates };
    c.keyOwner = fresh;
    this.#entries.set(id, fresh);
    this.#last = fresh;
  }

  /** Drops the least recently used entry and returns its midstate buffer for the next key. */
  #evictOldest(): Uint8Array {
    const [id, oldest] = this.#entries.entries().next().value as [string, Entry];
    this.#entries.delete(id);
    if (this.#last === oldest) this.#last = undefined;
    return oldest.midstates;
  }

  #hit(c: Core, entry: Entry): void {
    this.#hits++;
    if (c.keyOwner !== entry) {
      c.mem.set(entry.midstates, c.hmacKey);
      c.keyOwner = entry;
    }
  }

  stats(): KeyCacheStats {
    return { hits: this.#hits, misses: this.#misses, size: this.#entries.size };
  }

  /** Forgets every key (and wipes their bytes). */
  clear(): void {
    for (const entry of this.#entries.values()) wipe(entry.midstates);
    this.#entries.clear();
    this.#last = undefined;
  }
}
