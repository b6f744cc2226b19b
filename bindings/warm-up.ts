// An optional warm-up for latency-sensitive hosts (gateways), before the first real request.
// Measured by bench/cold-start.mjs (BENCHMARKS.md): the first signature of a process pays for
// compiling the WebAssembly core, and calls run at full speed only once the engine has optimised
// the signing path for the shapes of the requests it sees. Signing a made-up request for that
// (an earlier design) left the engine's type feedback polymorphic and real calls slower for good;
// so the warm-up signs only a sample the caller gives: a request like the real ones.

import { SigningKeyCache } from "./key-cache.js";
import { resolveSettings, type SignOptions } from "./settings.js";
import type { HttpRequest } from "./request.js";
import { signWith } from "./signer.js";
import { core } from "./wasm/instance.js";
import { sha256 } from "./sha256.js";

/** Signatures of the sample run by warmUp() unless told otherwise. */
const DEFAULT_ROUNDS = 3000;

/** A request like the ones that will be signed, with the options they will be signed with. */
export interface WarmUpSample {
  request: HttpRequest;
  options: SignOptions;
}

/**
 * Compiles and starts the core; with a sample, also signs it `rounds` times (default 3000) so that
 * real calls of that shape start at full speed. The sample is signed under a throwaway key cache,
 * wiped afterwards: nothing is left for later calls to find.
 */
export function warmUp(sample?: WarmUpSample, rounds: number = DEFAULT_ROUNDS): void {
  if (!Number.isInteger(rounds) || rounds < 0) throw new RangeError('"rounds" must be a whole number ≥ 0');
  core();
  sha256("");
  if (sample === undefined) return;
  if (sample === null || typeof sample !== "object") throw new TypeError('"sample" must be { request, options } or undefined');
  const cache = new SigningKeyCache(1);
  const settings = resolveSettings(sample.options, "header");
  for (let i = 0; i < rounds; i++) signWith(sample.request, sample.options.date, settings, cache);
  cache.clear();
}
