// SHA-256 at 0 B … 1 MiB, HMAC-SHA256 of 200 B with a 32-byte key, and signing-key derivation:
// sigv4-wasm against node:crypto (OpenSSL, SHA-NI where the CPU has it), hash-wasm (C → WASM),
// @noble/hashes (pure JS) and @chainsafe/as-sha256 (AssemblyScript → WASM). Every output is
// checked equal to node:crypto's once before anything is timed. Inputs are fixed buffers reused
// on every call (cache-hot). The reference of every group is node:crypto createHash / createHmac.
import { createHash, createHmac, hash as nodeHash } from "node:crypto";
import { sha256, hmacSha256, HmacSha256Key, deriveSigningKey } from "../dist/index.js";
import { createSHA256, createHMAC, sha256 as hashWasmSha256 } from "hash-wasm";
import { sha256 as nobleSha256 } from "@noble/hashes/sha2.js";
import { hmac as nobleHmac } from "@noble/hashes/hmac.js";
import { digest as asSha256Digest } from "@chainsafe/as-sha256";
import { runSuite } from "./harness.mjs";

const bytes = (n) => new Uint8Array(n).map((_, i) => (i * 131 + 7) & 0xff);
const hex = (x) => (typeof x === "string" ? x : Buffer.from(x).toString("hex"));
const utf8 = new TextEncoder();
const tasks = [];
const reference = {};

/** Adds the group's tasks after checking each one's output against the oracle. */
async function group(name, oracle, candidates, ref) {
  const expected = hex(oracle());
  for (const [task, fn] of Object.entries(candidates)) {
    const got = hex(await fn());
    if (got !== expected) throw new Error(`${name} / ${task}: ${got} ≠ node:crypto ${expected}`);
    tasks.push({ group: name, name: task, fn });
  }
  reference[name] = ref;
}

const hashWasm = await createSHA256();
for (const size of [0, 64, 256, 1024, 16384, 1 << 20]) {
  const data = bytes(size);
  const label = size >= 1 << 20 ? `${size / 2 ** 20} MiB` : size >= 1024 ? `${size / 1024} KiB` : `${size} B`;
  await group(
    `sha256 ${label}`,
    () => createHash("sha256").update(data).digest(),
    {
      "sigv4-wasm sha256": () => sha256(data),
      "node:crypto createHash": () => createHash("sha256").update(data).digest(),
      ...(typeof nodeHash === "function" ? { "node:crypto hash": () => nodeHash("sha256", data, "buffer") } : {}),
      "hash-wasm createSHA256 (reused)": () => {
        hashWasm.init();
        hashWasm.update(data);
        return hashWasm.digest("binary");
      },
      "hash-wasm sha256()": () => hashWasmSha256(data),
      "@noble/hashes sha256": () => nobleSha256(data),
      "@chainsafe/as-sha256 digest": () => asSha256Digest(data),
    },
    "node:crypto createHash",
  );
}

// HMAC: a 200-character ASCII string with a 32-byte key. node:crypto and sigv4-wasm take the
// string; the byte-only libraries pay for its UTF-8 encoding inside the timed call.
const key = bytes(32);
const message = "x-amz-date:20150830T123600Z\n".repeat(8).slice(0, 200);
const hashWasmHmac = await createHMAC(createSHA256(), key);
const cachedKey = new HmacSha256Key(key);
await group(
  "hmac-sha256 200 B, 32 B key",
  () => createHmac("sha256", key).update(message).digest(),
  {
    "sigv4-wasm HmacSha256Key (reused, fixed key)": () => cachedKey.mac(message),
    "sigv4-wasm hmacSha256 (key set up per call)": () => hmacSha256(key, message),
    "node:crypto createHmac": () => createHmac("sha256", key).update(message).digest(),
    "hash-wasm createHMAC (reused, fixed key)": () => {
      hashWasmHmac.init();
      hashWasmHmac.update(message);
      return hashWasmHmac.digest("binary");
    },
    "@noble/hashes hmac": () => nobleHmac(nobleSha256, key, utf8.encode(message)),
  },
  "node:crypto createHmac",
);

// Signing-key derivation: kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request").
const secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const [date, region, service] = ["20150830", "us-east-1", "iam"];
const nodeDerive = () => {
  const kDate = createHmac("sha256", "AWS4" + secret).update(date).digest();
  const kRegion = createHmac("sha256", kDate).update(region).digest();
  const kService = createHmac("sha256", kRegion).update(service).digest();
  return createHmac("sha256", kService).update("aws4_request").digest();
};
const nobleDerive = () => {
  const kDate = nobleHmac(nobleSha256, utf8.encode("AWS4" + secret), utf8.encode(date));
  const kRegion = nobleHmac(nobleSha256, kDate, utf8.encode(region));
  const kService = nobleHmac(nobleSha256, kRegion, utf8.encode(service));
  return nobleHmac(nobleSha256, kService, utf8.encode("aws4_request"));
};
await group(
  "signing-key derivation",
  nodeDerive,
  {
    "sigv4-wasm deriveSigningKey": () => deriveSigningKey(secret, date, region, service),
    "node:crypto 4× createHmac": nodeDerive,
    "@noble/hashes 4× hmac": nobleDerive,
  },
  "node:crypto 4× createHmac",
);
await runSuite("primitives", tasks, reference, {
  notes: [
    "Inputs are fixed buffers reused on every call. hash-wasm sha256() is async and awaited one call at a time.",
    "HMAC message is a 200-character ASCII string: node:crypto and sigv4-wasm take it as is; @noble/hashes is timed with its UTF-8 encoding.",
  ],
});
