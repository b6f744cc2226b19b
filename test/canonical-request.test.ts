// canonical/request.ts and authorization.ts keep the last repeated parts of what they join; each
// call must still answer for its own parts, whichever of them changed since the previous call.
import { describe, it, expect } from "vitest";
import { canonicalRequest, type CanonicalRequestParts } from "../bindings/canonical/request.js";
import { authorizationHeader } from "../bindings/authorization.js";

const plain = (p: CanonicalRequestParts): string => [p.method, p.uri, p.query, p.headers.block, p.headers.signedHeaders, p.payloadHash].join("\n");

describe("canonicalRequest", () => {
  it("joins its own parts when any one of them changes between calls", () => {
    const base: CanonicalRequestParts = { method: "GET", uri: "/", query: "a=1", headers: { block: "host:h\n", signedHeaders: "host" }, payloadHash: "e3" };
    const variants: CanonicalRequestParts[] = [
      base,
      { ...base, method: "PUT" },
      { ...base, uri: "/x" },
      { ...base, query: "" },
      { ...base, headers: { block: "host:h\nx-amz-date:d\n", signedHeaders: "host" } },
      { ...base, headers: { block: "host:h\nx-amz-date:d\n", signedHeaders: "host;x-amz-date" } },
      { ...base, payloadHash: "UNSIGNED-PAYLOAD" },
      base,
    ];
    for (let round = 0; round < 2; round++) {
      for (const v of variants) {
        expect(canonicalRequest(v)).toBe(plain(v));
        expect(canonicalRequest({ ...v })).toBe(plain(v));
      }
    }
  });
});

describe("authorizationHeader", () => {
  it("names its own key, scope and signed headers when any one of them changes between calls", () => {
    const cases: [string, string, string, string][] = [
      ["AKID", "20150830/us-east-1/iam/aws4_request", "host;x-amz-date", "ab"],
      ["AKID", "20150830/us-east-1/iam/aws4_request", "host;x-amz-date", "cd"],
      ["AKID2", "20150830/us-east-1/iam/aws4_request", "host;x-amz-date", "cd"],
      ["AKID2", "20150831/us-east-1/iam/aws4_request", "host;x-amz-date", "cd"],
      ["AKID2", "20150831/us-east-1/iam/aws4_request", "host", "cd"],
      ["AKID", "20150830/us-east-1/iam/aws4_request", "host;x-amz-date", "ab"],
    ];
    for (const [id, scope, signed, signature] of cases) {
      expect(authorizationHeader(id, scope, signed, signature)).toBe(`AWS4-HMAC-SHA256 Credential=${id}/${scope}, SignedHeaders=${signed}, Signature=${signature}`);
    }
  });
});
