// An optional warm-up for latency-sensitive hosts (gateways): compiles the core and runs the
// signing path enough times for the engine to optimise it, before the first real request.
// It uses a throwaway key cache and made-up credentials, so it leaves no key behind and touches
// nothing a caller configured. bench/cold-start.mjs measures what it buys (see BENCHMARKS.md).

import { SigningKeyCache } from "./key-cache.js";
import { resolveSettings } from "./settings.js";
import { signWith, presignWith } from "./signer.js";

/** Signatures run by warmUp() unless told otherwise. */
const DEFAULT_ROUNDS = 500;

const REQUEST = {
  method: "POST",
  url: "https://warm-up.example.amazonaws.com/path/to?b=2&a=1",
  headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "Service.Operation" },
  body: '{"warm":"up"}',
};
const OPTIONS = { credentials: { accessKeyId: "AKIDWARMUP", secretAccessKey: "warm-up-secret-never-used-to-sign-a-real-request" }, region: "us-east-1", service: "warmup" };

/** Runs `rounds` signatures and presignatures of a made-up request (default 500). */
export function warmUp(rounds: number = DEFAULT_ROUNDS): void {
  if (!Number.isInteger(rounds) || rounds < 0) throw new RangeError('"rounds" must be a whole number ≥ 0');
  const cache = new SigningKeyCache(1);
  const header = resolveSettings(OPTIONS, "header");
  const query = resolveSettings(OPTIONS, "query");
  for (let i = 0; i < rounds; i++) {
    signWith(REQUEST, 1440000000000 + i * 1000, header, cache);
    if (i % 8 === 0) presignWith(REQUEST, 1440000000000, query, cache);
  }
  cache.clear();
}
