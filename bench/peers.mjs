// The request shapes and the signers the signing suites compare, each configured to sign the same
// header set as sigv4-wasm (see the notes beside each peer). Each signer factory takes the
// credentials and returns a call that signs the shape and returns the signature hex.
import { Signer } from "../dist/index.js";
import { createHandwrittenSigner } from "./handwritten-signer.mjs";
import { signatureOf } from "./harness.mjs";
import aws4 from "aws4";
import { SignatureV4 } from "@smithy/signature-v4";
import { Hash } from "@smithy/hash-node";
import { Sha256 as Sha256Js } from "@aws-crypto/sha256-js";
import { AwsV4Signer } from "aws4fetch";

export { CREDENTIALS, AMZ_DATE, DATE, IAM_EXAMPLE_SIGNATURE, SHAPES, SHAPE_A, SHAPE_B, SHAPE_C } from "./shapes.mjs";
import { CREDENTIALS, AMZ_DATE, DATE, SHAPES } from "./shapes.mjs";

const url = (shape) => `https://${shape.host}${shape.path}${shape.query ? "?" + shape.query : ""}`;
const hex = (buf) => Buffer.from(buf).toString("hex");

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
 * Shape a with nothing repeating from one call to the next: each call signs a path of its own
 * (1024 of them, in turn) at a second of its own, so no canonical request shares its first
 * block with the previous one and no string to sign shares its first block either. This is the
 * case sigv4-wasm's midstate reuse cannot help (the fixed-date shapes repeat every block).
 */
const VARIED = 1024;
const variedPath = (i) => `/items/${String(i).padStart(6, "0")}`;
const variedDate = (i) => new Date(DATE.getTime() + i * 1000);
const amz = (d) => d.toISOString().replace(/[-:]|\.\d{3}/g, "");

export function oursVaried(shape, credentials = CREDENTIALS) {
  const signer = new Signer({ credentials, region: shape.region, service: shape.service });
  const calls = Array.from({ length: VARIED }, (_, i) => [
    { method: shape.method, url: `https://${shape.host}${variedPath(i)}?${shape.query}`, headers: shape.headers },
    { date: variedDate(i) },
  ]);
  let i = 0;
  return () => {
    const [request, options] = calls[i];
    i = (i + 1) % VARIED;
    return signer.sign(request, options).signature;
  };
}

/** Like oursVaried; it formats each call's Date into X-Amz-Date itself, as sigv4-wasm must. */
export function handwrittenVaried(shape, credentials = CREDENTIALS) {
  const sign = createHandwrittenSigner();
  const calls = Array.from({ length: VARIED }, (_, i) => [
    { method: shape.method, host: shape.host, path: variedPath(i), query: shape.query, headers: shape.headers },
    variedDate(i),
  ]);
  let i = 0;
  return () => {
    const [req, date] = calls[i];
    i = (i + 1) % VARIED;
    return sign(req, credentials, shape.region, shape.service, amz(date)).signature;
  };
}

/** The hand-written node:crypto signer; x-amz-content-sha256 for S3 as the others send it. */
export function handwritten(shape, credentials = CREDENTIALS, options) {
  const sign = createHandwrittenSigner(options);
  const req = { method: shape.method, host: shape.host, path: shape.path, query: shape.query, headers: shape.headers, body: shape.body };
  return (creds = credentials) => sign(req, creds, shape.region, shape.service, AMZ_DATE, shape.service === "s3").signature;
}

/** aws4: builds its request object per call (it mutates it); it computes x-amz-content-sha256 itself for S3. */
export function aws4Signer(shape, credentials = CREDENTIALS) {
  const body = shape.body === undefined ? undefined : Buffer.from(shape.body);
  return (creds = credentials) =>
    signatureOf(
      aws4.sign(
        { host: shape.host, method: shape.method, path: url(shape).slice(8 + shape.host.length), service: shape.service, region: shape.region, headers: { ...shape.headers, "X-Amz-Date": AMZ_DATE }, body },
        creds,
      ).headers.Authorization,
    );
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
export const smithyHashNode = (shape, credentials) => smithySigner(shape, Hash.bind(null, "sha256"), credentials);
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
    if (s3) headers["x-amz-content-sha256"] = hex(await crypto.subtle.digest("SHA-256", shape.body));
    const signer = new AwsV4Signer({
      url: url(shape), method: shape.method, headers, body: shape.body, service: shape.service, region: shape.region,
      accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey, datetime: AMZ_DATE, cache, allHeaders: true,
    });
    return signatureOf((await signer.sign()).headers.get("authorization"));
  };
}
