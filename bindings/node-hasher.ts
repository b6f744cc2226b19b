// The opt-in platform hasher for Node.js (and runtimes that provide node:crypto). OpenSSL uses the
// CPU's SHA extensions where present, which beats any WebAssembly SHA-256 on large bodies
// (BENCHMARKS.md). This entry (sigv4-wasm/node) is the only file of the signing API that imports
// node:crypto (the Node-only test server, sigv4-wasm/server, uses it for request ids); the main
// entry never does.
//
//   import { nodePayloadHasher } from "sigv4-wasm/node";
//   const signer = new Signer({ ...config, payloadHasher: nodePayloadHasher });

import { createHash, hash } from "node:crypto";
import type { PayloadHasher } from "./payload.js";

// crypto.hash (Node ≥ 20.12) is a one-shot without the Hash object; createHash elsewhere.
const oneShot = typeof hash === "function" ? (data: string | Uint8Array) => hash("sha256", data, "hex") : (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

/** node:crypto's SHA-256 for bodies of 512 bytes and more. */
export const nodePayloadHasher: PayloadHasher = { sha256Hex: oneShot };
