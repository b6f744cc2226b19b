// The browser suite's page (bench/browser.mjs bundles it and loads it in Chromium): the signing
// shapes with sigv4-wasm against the signers a web page can use (and, for a body, sigv4-wasm given
// the hash WebCrypto computed), and SHA-256 against crypto.subtle.digest, timed by bench/timing.mjs
// as the Node suites are. Every signer's signature is checked equal to sigv4-wasm's before timing
// (shape a also against the IAM example's published signature), and every digest against
// WebCrypto's; a signer that disagrees is left out with the reason.
import { measure } from "./timing.mjs";
import { SHAPES, SHAPE_A, IAM_EXAMPLE_SIGNATURE, DATE } from "./shapes.mjs";
import { ours, smithySigner, smithySha256Js, aws4fetchSigner } from "./peers-portable.mjs";
import { Sha256 as Sha256Browser } from "@aws-crypto/sha256-browser";
import { sha256, toHex, coreName } from "../dist/index.js";

const REFERENCE_SIGNER = "aws4fetch (WebCrypto)";
const REFERENCE_HASH = "crypto.subtle.digest";
const SUBTLE_PAYLOAD = "sigv4-wasm Signer, payload hash from crypto.subtle.digest";
const hex = (digest) => toHex(new Uint8Array(digest));
const bytes = (n) => new Uint8Array(n).map((_, i) => (i * 131 + 7) & 0xff);
const utf8 = new TextEncoder();

/**
 * What a page can do for a large body: hash it with WebCrypto first (async, native code), then
 * sign synchronously with that hash (payload: { sha256 }). Timed from the body to the signature.
 */
function oursWithSubtlePayload(shape) {
  const { sign } = ours(shape);
  const body = typeof shape.body === "string" ? utf8.encode(shape.body) : shape.body;
  return async () => sign({ date: DATE, payload: { sha256: hex(await crypto.subtle.digest("SHA-256", body)) } });
}

async function signingTasks(tasks, reference, excluded) {
  for (const [group, shape] of Object.entries(SHAPES)) {
    const signers = {
      "sigv4-wasm Signer": ours(shape).sign,
      [REFERENCE_SIGNER]: aws4fetchSigner(shape),
      "@smithy/signature-v4 + sha256-browser (WebCrypto)": smithySigner(shape, Sha256Browser),
      "@smithy/signature-v4 + sha256-js": smithySha256Js(shape),
      ...(shape.body === undefined ? {} : { [SUBTLE_PAYLOAD]: oursWithSubtlePayload(shape) }),
    };
    const expected = signers["sigv4-wasm Signer"]();
    if (group === SHAPE_A && expected !== IAM_EXAMPLE_SIGNATURE) throw new Error(`sigv4-wasm: IAM example signature ${expected} ≠ ${IAM_EXAMPLE_SIGNATURE}`);
    for (const [name, fn] of Object.entries(signers)) {
      const got = await fn();
      if (got === expected) tasks.push({ group, name, fn });
      else excluded.push({ group, name, reason: `signature ${got} ≠ ours ${expected}` });
    }
    reference[group] = REFERENCE_SIGNER;
  }
}

async function hashTasks(tasks, reference) {
  for (const [label, size] of [["64 B", 64], ["1 KiB", 1024], ["16 KiB", 16384], ["1 MiB", 1 << 20]]) {
    const group = `sha256 ${label}`;
    const data = bytes(size);
    const candidates = { "sigv4-wasm sha256": () => sha256(data), [REFERENCE_HASH]: () => crypto.subtle.digest("SHA-256", data) };
    const expected = hex(await candidates[REFERENCE_HASH]());
    const got = hex(candidates["sigv4-wasm sha256"]());
    if (got !== expected) throw new Error(`${group}: sigv4-wasm ${got} ≠ WebCrypto ${expected}`);
    for (const [name, fn] of Object.entries(candidates)) tasks.push({ group, name, fn });
    reference[group] = REFERENCE_HASH;
  }
}

/** Runs the suite with the timing settings given by bench/browser.mjs; progress goes to the console. */
globalThis.runBench = async (settings) => {
  const tasks = [];
  const reference = {};
  const excluded = [];
  await signingTasks(tasks, reference, excluded);
  await hashTasks(tasks, reference);
  const rows = await measure(tasks, reference, { ...settings, log: (line) => console.log(`browser: ${line}`) });
  return { rows, excluded, core: coreName(), userAgent: navigator.userAgent };
};
