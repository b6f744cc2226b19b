// The request shapes and the signers the Node suites compare, each configured to sign the same
// header set as sigv4-wasm (see the notes beside each peer): those of peers-portable.mjs, which
// the browser suite shares, and those that need Node (node:crypto, aws4, @smithy/hash-node). Each
// signer factory takes the credentials and returns a call that signs the shape and returns the
// signature hex.
import { Signer } from "../dist/index.js";
import { smithySigner, url } from "./peers-portable.mjs";
import { createHandwrittenSigner } from "./handwritten-signer.mjs";
import { signatureOf } from "./timing.mjs";
import aws4 from "aws4";
import { Hash } from "@smithy/hash-node";

export { CREDENTIALS, AMZ_DATE, DATE, IAM_EXAMPLE_SIGNATURE, SHAPES, SHAPE_A, SHAPE_B, SHAPE_C } from "./shapes.mjs";
export { ours, smithySigner, smithySha256Js, aws4fetchSigner } from "./peers-portable.mjs";
import { CREDENTIALS, AMZ_DATE, DATE } from "./shapes.mjs";

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

/**
 * aws4: builds its request object per call (it mutates it); it computes x-amz-content-sha256 itself for S3.
 * The body is the shape's own, as every signer gets it (shape b's JSON as a string, which aws4
 * encodes inside the call as the others do).
 */
export function aws4Signer(shape, credentials = CREDENTIALS) {
  const body = shape.body;
  return (creds = credentials) =>
    signatureOf(
      aws4.sign(
        { host: shape.host, method: shape.method, path: url(shape).slice(8 + shape.host.length), service: shape.service, region: shape.region, headers: { ...shape.headers, "X-Amz-Date": AMZ_DATE }, body },
        creds,
      ).headers.Authorization,
    );
}

export const smithyHashNode = (shape, credentials) => smithySigner(shape, Hash.bind(null, "sha256"), credentials);
