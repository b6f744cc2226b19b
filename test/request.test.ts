// request.ts's header scan (regular expressions that recognise canonical names and values at once)
// against the plain definitions: RFC 9110 tokens lower-cased, and AWS Trimall over visible ASCII,
// space and tab.
import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { header, trimAll } from "../bindings/request.js";
import { SigningError } from "../bindings/errors.js";

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const PLAIN = /^[\t\x20-\x7e]*$/;
const trimall = (v: string): string => v.trim().replace(/[\t ]+/g, " ");

const nameChars = fc.constantFrom("a", "Z", "x", "-", "_", "0", "!", "~", " ", ":", "é", "\t", "(");
const valueChars = fc.constantFrom("a", "B", " ", "  ", "\t", ";", "=", "/", "~", "\x7f", "\x00", "\r", "\n", "é", "€", "\u{1F600}");

describe("header()", () => {
  it("accepts exactly the tokens as names, lower-cased", () => {
    fc.assert(
      fc.property(fc.array(nameChars, { maxLength: 6 }).map((c) => c.join("")), (name) => {
        if (TOKEN.test(name)) expect(header(name, "v").name).toBe(name.toLowerCase());
        else expect(() => header(name, "v")).toThrow(SigningError);
      }),
      { numRuns: 3000 },
    );
  });

  it("accepts exactly visible ASCII, space and tab as values, with Trimall's canonical form", () => {
    fc.assert(
      fc.property(fc.array(valueChars, { maxLength: 8 }).map((c) => c.join("")), (value) => {
        if (PLAIN.test(value)) {
          const h = header("x-test", value);
          expect(h.value).toBe(value);
          expect(h.canonical).toBe(trimall(value));
          expect(trimAll(value)).toBe(trimall(value));
        } else {
          expect(() => header("x-test", value)).toThrow(SigningError);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it("reads numbers as their decimal text", () => {
    expect(header("Content-Length", 594)).toEqual({ name: "content-length", value: "594", canonical: "594" });
  });

  it("answers a repeated header as a fresh one, across alternating values and past the number of names kept", () => {
    for (let round = 0; round < 3; round++) {
      for (const value of ["a  b", "a b", " x ", "a  b"]) expect(header("X-Test", value)).toEqual({ name: "x-test", value, canonical: trimall(value) });
      for (let i = 0; i < 200; i++) expect(header(`X-Name-${i}`, ` v${i} `)).toEqual({ name: `x-name-${i}`, value: ` v${i} `, canonical: `v${i}` });
      expect(() => header("x-test", "a\nb")).toThrow(SigningError);
      expect(header("x-test", "a\tb").canonical).toBe("a b");
    }
  });
});
