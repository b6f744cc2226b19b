// canonical/headers.ts: CanonicalHeaders and SignedHeaders, and the reuse of the last result when
// the same headers come again.
import { describe, it, expect } from "vitest";
import { canonicalHeaders } from "../bindings/canonical/headers.js";

const h = (name: string, canonical: string) => ({ name, canonical });

describe("canonicalHeaders", () => {
  it("sorts by name, joins repeated names in request order, and lists the names", () => {
    const result = canonicalHeaders([h("x-b", "2"), h("host", "h"), h("x-a", "1"), h("x-b", "1")]);
    expect(result).toEqual({ block: "host:h\nx-a:1\nx-b:2,1\n", signedHeaders: "host;x-a;x-b" });
  });

  it("answers each header set for itself when calls alternate, down to a single changed value or a repeated name", () => {
    const sets = [
      [h("host", "a"), h("x-amz-date", "20150830T123600Z")],
      [h("host", "a"), h("x-amz-date", "20150830T123601Z")],
      [h("host", "a"), h("x-amz-date", "20150830T123601Z"), h("x-amz-date", "x")],
      [h("host", "b")],
      [],
    ];
    const expected = ["host:a\nx-amz-date:20150830T123600Z\n", "host:a\nx-amz-date:20150830T123601Z\n", "host:a\nx-amz-date:20150830T123601Z,x\n", "host:b\n", ""];
    for (let round = 0; round < 3; round++) {
      sets.forEach((set, i) => {
        expect(canonicalHeaders(set.slice()).block).toBe(expected[i]);
        expect(canonicalHeaders(set.slice()).block).toBe(expected[i]);
      });
    }
  });

  it("is not fooled by the caller changing its array after the call", () => {
    const headers = [h("host", "a"), h("x-amz-date", "d")];
    expect(canonicalHeaders(headers).block).toBe("host:a\nx-amz-date:d\n");
    headers.push(h("x-extra", "e"));
    expect(canonicalHeaders(headers).block).toBe("host:a\nx-amz-date:d\nx-extra:e\n");
    headers.length = 1;
    expect(canonicalHeaders(headers).block).toBe("host:a\n");
  });
});

describe("canonicalHeaders' reuse", () => {
  it("returns the same result object for the same headers, and the same SignedHeaders string when only values change", () => {
    const first = canonicalHeaders([h("host", "a"), h("x-amz-date", "1")]);
    expect(canonicalHeaders([h("x-amz-date", "1"), h("host", "a")])).toBe(first);
    const second = canonicalHeaders([h("host", "a"), h("x-amz-date", "2")]);
    expect(second).not.toBe(first);
    expect(second).toEqual({ block: "host:a\nx-amz-date:2\n", signedHeaders: "host;x-amz-date" });
    const third = canonicalHeaders([h("host", "a"), h("x-amz-date", "2"), h("x-b", "")]);
    expect(third).toEqual({ block: "host:a\nx-amz-date:2\nx-b:\n", signedHeaders: "host;x-amz-date;x-b" });
    expect(canonicalHeaders([h("host", "a"), h("x-amz-dat", "2")]).signedHeaders).toBe("host;x-amz-dat");
  });
});

describe("canonicalHeaders with many headers", () => {
  it("keeps request order among repeated names even where the engine's sort is not stable (Rhino)", () => {
    const headers = Array.from({ length: 20 }, (_, i) => h(`x-h${i % 7}`, `v${i}`));
    const expected = canonicalHeaders(headers.slice()).block;
    expect(expected).toContain("x-h0:v0,v7,v14\n");
    const stable = Array.prototype.sort;
    // An unstable sort: ties come out in reverse.
    Array.prototype.sort = function <T>(this: T[], compare?: (a: T, b: T) => number): T[] {
      const copy = stable.call(this.slice().reverse(), compare) as T[];
      for (let i = 0; i < copy.length; i++) this[i] = copy[i];
      return this;
    };
    try {
      canonicalHeaders([h("reset", "")]);
      expect(canonicalHeaders(headers.slice()).block).toBe(expected);
    } finally {
      Array.prototype.sort = stable;
    }
  });
});
