// The in-place path of the canonical query (a query that is canonical already is returned as it
// is) must agree with parsing, encoding and sorting on every query.
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { canonicalQueryOf, canonicalQuery, parseQuery } from "../bindings/canonical/query.js";

const word = fc.constantFrom("a", "A", "a-b", "a.b", "a_b", "a~", "ab", "b", "Action", "Version", "X-Amz-Date", "1", "", "%41", "a b", "é", "+", "a/b");
const pair = fc.tuple(word, fc.constantFrom("=", "=", ""), word).map(([n, eq, v]) => (eq === "" ? n : `${n}=${v}`));
const query = fc.array(pair, { maxLength: 6 }).map((pairs) => pairs.join("&"));
const sortedQuery = query.map((q) => canonicalQuery(parseQuery(q)));

describe("canonicalQueryOf", () => {
  it("agrees with parse + encode + sort on any query, sorted or not", () => {
    fc.assert(
      fc.property(fc.oneof(query, sortedQuery), (q) => {
        expect(canonicalQueryOf(q)).toBe(canonicalQuery(parseQuery(q)));
      }),
      { numRuns: 20000 },
    );
  });

  it("orders by name before value ('a=2' before 'a-b=1'), and repeated names by value", () => {
    expect(canonicalQueryOf("a-b=1&a=2")).toBe("a=2&a-b=1");
    expect(canonicalQueryOf("a=2&a=1")).toBe("a=1&a=2");
    expect(canonicalQueryOf("Action=ListUsers&Version=2010-05-08")).toBe("Action=ListUsers&Version=2010-05-08");
  });
});

describe("canonicalQueryOf's reuse of the last answer", () => {
  it("answers each query for itself when calls alternate between canonical and non-canonical queries", () => {
    const queries = ["Action=ListUsers&Version=2010-05-08", "b=2&a=1", "", "x=a%20b&x=a", "Version=2010-05-08&Action=ListUsers"];
    const fresh = queries.map((q) => canonicalQuery(parseQuery(q)));
    for (let round = 0; round < 3; round++) {
      queries.forEach((q, i) => {
        expect(canonicalQueryOf(q)).toBe(fresh[i]);
        expect(canonicalQueryOf(q)).toBe(fresh[i]);
      });
    }
  });
});
