// Full signing of three request shapes at a fixed date with one credential (every signer's key
// cache warm): sigv4-wasm against the hand-written node:crypto signer (the reference), aws4,
// @smithy/signature-v4 on two hashes, and aws4fetch. Every peer's signature is checked equal to
// ours for the same shape before timing; a peer that cannot match is left out of that shape, with
// the reason printed and recorded. Async signers are awaited one call at a time (their latency).
import { nodePayloadHasher } from "../dist/node-hasher.js";
import { SHAPES, SHAPE_A, IAM_EXAMPLE_SIGNATURE, ours, oursVaried, handwrittenVaried, handwritten, aws4Signer, smithyHashNode, smithySha256Js, aws4fetchSigner } from "./peers.mjs";
import { runSuite } from "./harness.mjs";

const REFERENCE = "node:crypto hand-written";
const tasks = [];
const reference = {};
const excluded = [];

for (const [group, shape] of Object.entries(SHAPES)) {
  const signers = {
    "sigv4-wasm Signer": ours(shape).sign,
    "sigv4-wasm Signer + nodePayloadHasher (opt-in)": ours(shape, undefined, { payloadHasher: nodePayloadHasher }).sign,
    [REFERENCE]: handwritten(shape),
    aws4: aws4Signer(shape),
    "@smithy/signature-v4 + hash-node": smithyHashNode(shape),
    "@smithy/signature-v4 + sha256-js": smithySha256Js(shape),
    "aws4fetch (WebCrypto)": aws4fetchSigner(shape),
  };
  const expected = signers["sigv4-wasm Signer"]();
  if (group === SHAPE_A && expected !== IAM_EXAMPLE_SIGNATURE) throw new Error(`sigv4-wasm: IAM example signature ${expected} ≠ ${IAM_EXAMPLE_SIGNATURE}`);
  if (group === SHAPE_A && signers[REFERENCE]() !== IAM_EXAMPLE_SIGNATURE) throw new Error("hand-written signer: wrong IAM example signature");
  for (const [name, fn] of Object.entries(signers)) {
    const got = await fn();
    if (got !== expected) {
      const reason = `signature ${got} ≠ ours ${expected}: it signs other headers or another payload hash for this shape`;
      console.log(`${group}: ${name} excluded (${reason})`);
      excluded.push({ group, name, reason });
      continue;
    }
    tasks.push({ group, name, fn });
  }
  console.log(`${group}: ${tasks.filter((t) => t.group === group).length} signers agree on ${expected}`);
  reference[group] = REFERENCE;
}

// Shape a again, with nothing repeating between calls (see oursVaried in peers.mjs).
const VARIED_GROUP = "a′. IAM GET, a new path and a new second on every call";
const varied = { "sigv4-wasm Signer": oursVaried(SHAPES[SHAPE_A]), [REFERENCE]: handwrittenVaried(SHAPES[SHAPE_A]) };
for (let i = 0; i < 2048; i++) {
  if (varied["sigv4-wasm Signer"]() !== varied[REFERENCE]()) throw new Error(`${VARIED_GROUP}: the two signers disagree on call ${i}`);
}
for (const [name, fn] of Object.entries(varied)) tasks.push({ group: VARIED_GROUP, name, fn });
reference[VARIED_GROUP] = REFERENCE;

await runSuite("signing", tasks, reference, {
  notes: [
    "Fixed date 20150830T123600Z, AWS example credentials AKIDEXAMPLE; one credential, so every signer's key cache hits after the first call.",
    "sigv4-wasm reuses hash midstates for the leading blocks a canonical request or string to sign shares with the previous one (assembly/memo.ts): the fixed-date shapes repeat every block from call to call, shape a′ repeats none, which shows the cost without that reuse.",
    "Shape a is the AWS IAM ListUsers example; every signer reproduces its published signature 5d672d79…b5d7.",
    "nodePayloadHasher (sigv4-wasm/node, opt-in) hands bodies of 512 B and more to node:crypto (the 594 B body of shape b and the 1 MiB of shape c).",
    "Shape c: every signer hashes the 1 MiB body inside the timed call (aws4fetch through crypto.subtle.digest, passed as x-amz-content-sha256).",
    "aws4fetch is configured with allHeaders: true (it leaves content-type and content-length unsigned by default) and a cache Map shared across calls.",
    "@smithy/signature-v4: applyChecksum and uriEscapePath: false only for S3.",
  ],
  excluded,
});
