// The opt-in platform hasher: the same signatures as the core's hashing, used only at and above
// its threshold, and checked.
import { describe, it, expect } from "vitest";
import { sign, Signer, SigningError, type PayloadHasher } from "../bindings/index.js";
import { nodePayloadHasher } from "../bindings/node-hasher.js";

const config = {
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
  region: "us-east-1",
  service: "s3",
  date: "20150830T123600Z",
};
const url = "https://examplebucket.s3.amazonaws.com/photos/big.bin";

function counting(minBytes?: number): PayloadHasher & { calls: number } {
  const h = { calls: 0, minBytes, sha256Hex: (d: string | Uint8Array) => (h.calls++, nodePayloadHasher.sha256Hex(d)) };
  return h;
}

describe("payloadHasher", () => {
  it.each([0, 511, 512, 4096, 70000])("gives the core's signature for a %i-byte body (bytes and UTF-8 string)", (n) => {
    const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 7 + 3) & 0xff);
    const text = "é".repeat(Math.floor(n / 2));
    for (const body of [bytes, text]) {
      const plain = sign({ method: "PUT", url, body }, config);
      const fast = sign({ method: "PUT", url, body }, { ...config, payloadHasher: nodePayloadHasher });
      expect(fast.signature).toBe(plain.signature);
      expect(fast.headers["x-amz-content-sha256"]).toBe(plain.headers["x-amz-content-sha256"]);
    }
  });

  // S3 sends the hash as x-amz-content-sha256; a JSON API (KMS) has it only in the canonical request,
  // where the core hashes a body it keeps in the signing call itself.
  it.each([["s3", url], ["kms", "https://kms.us-east-1.amazonaws.com/"]])("is called only for bodies of at least minBytes (default 512): %s", (service, at) => {
    const byDefault = counting();
    const signer = new Signer({ ...config, service, payloadHasher: byDefault });
    const plain = new Signer({ ...config, service });
    for (const [n, calls] of [[511, 0], [512, 1], [4096, 2]]) {
      const request = { method: "PUT", url: at, body: new Uint8Array(n).fill(7) };
      expect(signer.sign(request).signature, `${n} bytes`).toBe(plain.sign(request).signature);
      expect(byDefault.calls, `${n} bytes`).toBe(calls);
    }
    const small = counting(10);
    sign({ method: "PUT", url: at, body: "0123456789" }, { ...config, service, payloadHasher: small });
    expect(small.calls).toBe(1);
  });

  it("is not called for an unsigned payload or a caller's hash", () => {
    const h = counting(0);
    sign({ method: "PUT", url, body: "x".repeat(5000) }, { ...config, payload: "unsigned", payloadHasher: h });
    sign({ method: "PUT", url, body: "x".repeat(5000) }, { ...config, payload: { sha256: "a".repeat(64) }, payloadHasher: h });
    expect(h.calls).toBe(0);
  });

  it("rejects a hasher that returns anything but 64 lowercase hex digits, naming the option", () => {
    for (const bad of ["ABC", "A".repeat(64), 42, undefined]) {
      const hasher = { minBytes: 0, sha256Hex: () => bad as unknown as string };
      const call = () => sign({ method: "PUT", url, body: "data" }, { ...config, payloadHasher: hasher });
      expect(call).toThrow(SigningError);
      expect(call).toThrow(/options\.payloadHasher/);
    }
  });

  it("rejects a malformed hasher setting", () => {
    expect(() => sign({ url }, { ...config, payloadHasher: {} as PayloadHasher })).toThrow(/options\.payloadHasher.*sha256Hex/);
    expect(() => sign({ url }, { ...config, payloadHasher: { sha256Hex: () => "", minBytes: -1 } })).toThrow(/options\.payloadHasher\.minBytes/);
  });
});
