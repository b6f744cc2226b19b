// date.ts: X-Amz-Date and the scope date of any instant from year 1000 to 9999, against the ISO form
// that Date gives, in an order that takes both of its paths (a new day, and a second within the
// last result's day).
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { signingDate } from "../bindings/date.js";
import { SigningError } from "../bindings/errors.js";

const MIN = Date.UTC(1000, 0, 1);
const MAX = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const expected = (ms: number) => {
  const iso = new Date(Math.floor(ms / 1000) * 1000).toISOString(); // YYYY-MM-DDTHH:MM:SS.000Z for these years
  const amzDate = iso.slice(0, 19).replace(/[-:]/g, "") + "Z";
  return { amzDate, shortDate: amzDate.slice(0, 8), epochMs: Math.floor(ms / 1000) * 1000 };
};

describe("signingDate", () => {
  it("formats any instant, jumping between days and moving within one", () => {
    const step = fc.oneof(fc.integer({ min: MIN, max: MAX }), fc.integer({ min: -90_000_000, max: 90_000_000 }).map((d) => ({ d })));
    fc.assert(
      fc.property(fc.integer({ min: MIN, max: MAX }), fc.array(step, { maxLength: 20 }), (start, steps) => {
        let ms = start;
        for (const s of [start, ...steps]) {
          ms = typeof s === "number" ? s : Math.min(MAX, Math.max(MIN, ms + s.d));
          expect({ ...signingDate(ms, "date") }).toEqual(expected(ms));
          expect({ ...signingDate(new Date(ms), "date") }).toEqual(expected(ms));
        }
      }),
      { numRuns: 500 },
    );
  });

  it("gives midnight, the last second of a day and days before 1970", () => {
    for (const iso of ["2015-08-30T00:00:00Z", "2015-08-30T23:59:59Z", "2015-08-31T00:00:00Z", "1969-12-31T23:59:59Z", "1000-01-01T00:00:00Z", "9999-12-31T23:59:59Z"]) {
      expect(signingDate(iso, "date").amzDate).toBe(iso.replace(/[-:]/g, ""));
    }
  });

  it("refuses years outside 1000–9999 and non-dates, also right after a valid date", () => {
    signingDate("2015-08-30T12:00:00Z", "date");
    for (const bad of [NaN, Infinity, -Infinity, 1e20, -1e20, 8.64e15 + 1000, MAX + 1000, MIN - 1000, "2015-02-30T00:00:00Z", "yesterday"]) expect(() => signingDate(bad, "date")).toThrow(SigningError);
  });
});
