import { describe, it, expect } from "vitest";
import { warmUp, sign, Signer } from "../bindings/index.js";
import { nodeSignature } from "./oracle.js";

const config = {
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
  region: "us-east-1",
  service: "iam",
  date: "20150830T123600Z",
};
const request = { url: "https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08", headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" } };

describe("warmUp", () => {
  it("leaves signing correct and a signer's key cache untouched, with and without a sample", () => {
    const signer = new Signer(config);
    const before = signer.sign(request, { date: config.date }).signature;
    warmUp();
    warmUp({ request, options: { ...config, credentials: { accessKeyId: "AKIDOTHER", secretAccessKey: "other" } } }, 50);
    expect(signer.cacheStats()).toEqual({ hits: 0, misses: 1, size: 1 });
    const after = signer.sign(request, { date: config.date });
    expect(after.signature).toBe(before);
    expect(sign(request, config).signature).toBe("5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
    expect(after.signature).toBe(nodeSignature(after.canonicalRequest, config.date, config.credentials.secretAccessKey, "us-east-1", "iam"));
  });

  it("takes a whole number of rounds, and checks the sample as sign() would", () => {
    expect(() => warmUp(undefined, -1)).toThrow(RangeError);
    expect(() => warmUp(null as unknown as undefined)).toThrow(new TypeError('"sample" must be { request, options } or undefined'));
    expect(() => warmUp({ request, options: config }, 1.5)).toThrow(/rounds/);
    expect(() => warmUp({ request, options: config }, 0)).not.toThrow();
    expect(() => warmUp({ request: { url: "not a url" }, options: config }, 1)).toThrow(/url/);
  });
});
