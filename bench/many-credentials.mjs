// Shape b (KMS Sign POST) signed round-robin over 1000 distinct credentials, so key caches are
// exercised: sigv4-wasm with its default key cache (64 entries: every call misses and derives the
// key) and with a cache large enough to hold all 1000 (every call hits); the hand-written
// node:crypto signer with its unbounded Map (hits) and with no cache (misses); aws4 (its LRU holds
// 1000 keys: hits); @smithy/signature-v4 with one instance per credential, as a client per
// credential would have (its key cache is global and holds 50: misses). Beside them, a SHA-256 of
// exactly as many blocks as one key derivation compresses, timed in the same rounds as the hits,
// shows how much of a hit those compressions alone take.
import { sha256 } from "../dist/index.js";
import { DERIVATION_COMPRESSIONS, DERIVATION_HASH } from "./goals.mjs";
import { SHAPES, SHAPE_B, CREDENTIALS, DATE, ours, handwritten, aws4Signer, smithyHashNode } from "./peers.mjs";
import { runSuite } from "./harness.mjs";

const N = 1000;
const shape = SHAPES[SHAPE_B];
const credentials = Array.from({ length: N }, (_, i) => ({
  accessKeyId: `AKIDEXAMPLE${String(i).padStart(5, "0")}`,
  secretAccessKey: `${CREDENTIALS.secretAccessKey.slice(0, 30)}${String(i).padStart(10, "0")}`,
}));

/** A task that signs with credentials[i], i advancing round-robin on every call. */
function roundRobin(signWith) {
  let i = 0;
  return () => {
    const c = credentials[i];
    i = i + 1 === N ? 0 : i + 1;
    return signWith(c, i);
  };
}

const oursDefault = ours(shape, CREDENTIALS);
const oursLarge = ours(shape, CREDENTIALS, { cacheSize: 2000 });
const hwCached = handwritten(shape, CREDENTIALS);
const hwUncached = handwritten(shape, CREDENTIALS, { cache: false });
const aws4 = aws4Signer(shape);
const smithy = credentials.map((c) => smithyHashNode(shape, c));

const signers = {
  "sigv4-wasm Signer, cacheSize 64 (misses)": (c) => oursDefault.sign({ date: DATE, credentials: c }),
  "sigv4-wasm Signer, cacheSize 2000 (hits)": (c) => oursLarge.sign({ date: DATE, credentials: c }),
  "node:crypto hand-written, cached (hits)": (c) => hwCached(c),
  "node:crypto hand-written, no cache (misses)": (c) => hwUncached(c),
  "aws4 (LRU of 1000: hits)": (c) => aws4(c),
  "@smithy/signature-v4 + hash-node, instance per credential (global cache of 50: misses)": (c, next) => smithy[(next + N - 1) % N](),
};

// Every signer must agree with ours for several distinct credentials (this checks each one's key
// derivation, not only its canonicalisation).
for (const index of [0, 1, 500, N - 1]) {
  const c = credentials[index];
  const expected = oursDefault.sign({ date: DATE, credentials: c });
  for (const [name, signWith] of Object.entries(signers)) {
    const got = await signWith(c, (index + 1) % N);
    if (got !== expected) throw new Error(`${name}, credential ${index}: ${got} ≠ ours ${expected}`);
  }
}

// Two passes over all credentials first, so each cache is in its steady state.
const tasks = Object.entries(signers).map(([name, signWith]) => ({ group: `${SHAPE_B}, ${N} credentials round-robin`, name, fn: roundRobin(signWith) }));
// SHA-256 pads a message of 64·k − 9 bytes to exactly k blocks (RFC 6234 §4.1).
const derivationSized = new Uint8Array(64 * DERIVATION_COMPRESSIONS - 9).fill(0x61);
tasks.push({ group: tasks[0].group, name: DERIVATION_HASH, fn: () => sha256(derivationSized) });
for (const t of tasks) for (let i = 0; i < 2 * N; i++) await t.fn();
const group = tasks[0].group;

await runSuite("many-credentials", tasks, { [group]: "node:crypto hand-written, cached (hits)" }, {
  notes: [
    `${N} distinct credentials, signed round-robin (one credential per call, each reused every ${N} calls), date fixed.`,
    "sigv4-wasm: one Signer with the credentials given per call; its LRU key cache holds 64 keys by default.",
    "All signers were checked to agree with sigv4-wasm on credentials 0, 1, 500 and 999.",
    `${DERIVATION_HASH}: the compressions a key-cache miss adds, with no key bookkeeping around them, timed in the same rounds.`,
  ],
});
