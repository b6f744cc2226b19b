// Midstate reuse (assembly/memo.ts): sequences of canonical requests that share leading bytes
// with the previous one in every way (whole blocks, part of a block, nothing, longer, shorter),
// under changing keys, dates and scopes, must each sign exactly as node:crypto computes it.
import { describe, it, expect, beforeAll } from "vitest";
import fc from "fast-check";
import { useCore, core } from "../bindings/wasm/instance.js";
import { SigningKeyCache } from "../bindings/key-cache.js";
import { computeSignature } from "../bindings/signature.js";
import { credentialScope } from "../bindings/scope.js";
import { CORES } from "./cores.js";
import { nodeSignature } from "./oracle.js";

const SECRETS = ["wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "another-secret"];
const REGIONS = ["us-east-1", "eu-west-1-with-a-longer-name"];
const DATES = ["20150830T123600Z", "20150830T123601Z", "20150831T000000Z"];

// A base request of 10 blocks; each step keeps a prefix of it (or of the previous message), then diverges.
const base = "POST\n/path/to/resource\nAction=Op&Version=1\n" + "x-amz-meta-a:" + "v".repeat(500) + "\n";

const step = fc.record({
  keep: fc.integer({ min: 0, max: 640 }),
  tail: fc.string({ maxLength: 140 }),
  secret: fc.constantFrom(...SECRETS),
  region: fc.constantFrom(...REGIONS),
  date: fc.constantFrom(...DATES),
});

describe.each(CORES)("memo (%s core)", (_name, c) => {
  beforeAll(() => useCore(c));

  it("signs every message of a sequence like node:crypto", () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 2, maxLength: 12 }), (steps) => {
        const cache = new SigningKeyCache(4);
        let previous = base;
        for (const s of steps) {
          const creq = previous.slice(0, s.keep) + s.tail;
          previous = creq.length > 0 ? creq : base;
          cache.load(core(), "AKIDEXAMPLE", s.secret, s.date.slice(0, 8), s.region, "service");
          const got = computeSignature(core(), creq, s.date, credentialScope(s.date.slice(0, 8), s.region, "service")).signature;
          expect(got).toBe(nodeSignature(creq, s.date, s.secret, s.region, "service"));
        }
      }),
      { numRuns: 150 },
    );
  });

  it("signs the same request twice, then one that differs only in its first byte", () => {
    const cache = new SigningKeyCache(1);
    const date = DATES[0];
    cache.load(core(), "AKIDEXAMPLE", SECRETS[0], date.slice(0, 8), REGIONS[0], "service");
    for (const creq of [base, base, "P" + base.slice(1).replace("POST", "post"), "X" + base.slice(1)]) {
      expect(computeSignature(core(), creq, date, credentialScope(date.slice(0, 8), REGIONS[0], "service")).signature).toBe(nodeSignature(creq, date, SECRETS[0], REGIONS[0], "service"));
    }
  });
});
