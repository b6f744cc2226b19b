// The signers the signing suites compare that run in any JavaScript engine with WebAssembly and
// WebCrypto: sigv4-wasm, @smithy/signature-v4 on the pure-JS hash (or another given) and aws4fetch.
// The Node suites take them through peers.mjs, the browser suite bundles them into its page.
// Each factory takes the credentials and returns a call that signs the shape and returns the
// signature hex; each is configured to sign the same header set as sigv4-wasm.
import { Signer, toHex } from "../dist/index.js";
import { signatureOf } from "./timing.mjs";
import { SignatureV4 } from "@smithy/signature-v4";
import { Sha256 as Sha256Js } from "@aws-crypto/sha256-js";
import { AwsV4Signer } from "aws4fetch";
import { CREDENTIALS, AMZ_DATE, DATE } from "./shapes.mjs";

export const url = (shape) => `https://${shape.host}${shape.path}${shape.query ? "?" + shape.query : ""}`;

/** sigv4-wasm: a Signer instance (its key cache warm after the first call). */
export function ours(shape, credentials = CREDENTIALS, { cacheSize, payloadHasher } = {}) {
  const signer = new Signer({ credentials, region: shape.region, service: shape.service, contentSha256Header: shape.service === "s3", cacheSize, payloadHasher });
  const request = { method: shape.method, url: url(shape), headers: shape.headers, body: shape.body };
  const fixedDate = { date: DATE };
  // Options are passed as given: a spread to merge them with the date would cost as much as a
  // tenth of a signature (V8 11.3) and be charged to sigv4-wasm alone.
  return { signer, request, sign: (options = fixedDate) => signer.sign(request, options).signature };
}

/**
 * @smithy/signature-v4 as the JS SDK v3 sets it up, with `sha256` the node:crypto Hash of
 * @smithy/hash-node or the pure-JS @aws-crypto/sha256-js. applyChecksum (a signed
 * x-amz-content-sha256 on every request) only for S3, and no double path encoding for S3.
 */
export function smithySigner(shape, sha256, credentials = CREDENTIALS) {
  const s3 = shape.service === "s3";
  const signer = new SignatureV4({ credentials, region: shape.region, service: shape.service, sha256, uriEscapePath: !s3, applyChecksum: s3 });
  return async () => {
    const request = { method: shape.method, protocol: "https:", hostname: shape.host, path: shape.path, query: shape.queryObject, headers: { ...shape.headers, host: shape.host }, body: shape.body };
    return signatureOf((await signer.sign(request, { signingDate: DATE })).headers.authorization);
  };
}
export const smithySha256Js = (shape, credentials) => smithySigner(shape, Sha256Js, credentials);

/**
 * aws4fetch (WebCrypto, async). allHeaders: it leaves content-type and content-length unsigned by
 * default. For S3 it would send UNSIGNED-PAYLOAD, so the payload hash is computed here with
 * crypto.subtle.digest inside the timed call and passed as x-amz-content-sha256. The key cache
 * Map is shared across calls, as AwsClient does.
 */
export function aws4fetchSigner(shape, credentials = CREDENTIALS) {
  const cache = new Map();
  const s3 = shape.service === "s3";
  return async () => {
    const headers = { ...shape.headers };
    if (s3) headers["x-amz-content-sha256"] = toHex(new Uint8Array(await crypto.subtle.digest("SHA-256", shape.body)));
    const signer = new AwsV4Signer({
      url: url(shape), method: shape.method, headers, body: shape.body, service: shape.service, region: shape.region,
      accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey, datetime: AMZ_DATE, cache, allHeaders: true,
    });
    return signatureOf((await signer.sign()).headers.get("authorization"));
  };
}
