// SHA-256 at several sizes, HMAC-SHA256 of 200 B with a 32-byte key, and signing-key derivation:
// sigv4-wasm against node:crypto (OpenSSL, with SHA-NI on this machine class). Outputs are
// checked equal before timing.
import { createHash, createHmac, hash as nodeHash } from "node:crypto";
import { sha256, hmacSha256, deriveSigningKey, toHex } from "../dist/index.js";
import { runSuite } from "./harness.mjs";

const bytes = (n) => new Uint8Array(n).map((_, i) => (i * 131 + 7) & 0xff);
const tasks = [];
const reference = {};
const check = (a, b, what) => {
  if (a !== b) throw new Error(`${what}: ${a} ≠ ${b}`);
};

for (const size of [0, 64, 256, 1024, 16384, 1 << 20]) {
  const group = `sha256 ${size} B`;
  const data = bytes(size);
  check(toHex(sha256(data)), createHash("sha256").update(data).digest("hex"), group);
  tasks.push({ group, name: "sigv4-wasm sha256", fn: () => sha256(data) });
  tasks.push({ group, name: "node:crypto createHash", fn: () => createHash("sha256").update(data).digest() });
  if (typeof nodeHash === "function") tasks.push({ group, name: "node:crypto hash", fn: () => nodeHash("sha256", data, "buffer") });
  reference[group] = "node:crypto createHash";
}

const key = bytes(32);
const message = bytes(200);
check(toHex(hmacSha256(key, message)), createHmac("sha256", key).update(message).digest("hex"), "hmac");
tasks.push({ group: "hmac 200 B", name: "sigv4-wasm hmacSha256", fn: () => hmacSha256(key, message) });
tasks.push({ group: "hmac 200 B", name: "node:crypto createHmac", fn: () => createHmac("sha256", key).update(message).digest() });
reference["hmac 200 B"] = "node:crypto createHmac";

const secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const nodeDerive = () => {
  const kDate = createHmac("sha256", "AWS4" + secret).update("20150830").digest();
  const kRegion = createHmac("sha256", kDate).update("us-east-1").digest();
  const kService = createHmac("sha256", kRegion).update("iam").digest();
  return createHmac("sha256", kService).update("aws4_request").digest();
};
check(toHex(deriveSigningKey(secret, "20150830", "us-east-1", "iam")), nodeDerive().toString("hex"), "derive");
tasks.push({ group: "signing key", name: "sigv4-wasm deriveSigningKey", fn: () => deriveSigningKey(secret, "20150830", "us-east-1", "iam") });
tasks.push({ group: "signing key", name: "node:crypto 4× createHmac", fn: nodeDerive });
reference["signing key"] = "node:crypto 4× createHmac";

await runSuite("primitives", tasks, reference);
