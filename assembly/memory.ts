// The memory map of the core: the only place where regions are declared.
//
// The module owns exactly two 64 KiB pages (asconfig: initialMemory = maximumMemory = 2) and never
// allocates (runtime "stub", no managed objects), so every address below is fixed for the lifetime of
// an instance and the JavaScript side can keep one Uint8Array view over memory.buffer forever.
// The TypeScript layer reads every pointer and size below from the module's exports
// (bindings/wasm/abi.ts); nothing is duplicated there.
//
// ╒═══════════════════ Regions (static data, 16-byte aligned) ═════════════════════════════════════╕
// │ name        │ bytes  │ owner            │ holds                                                 │
// ├─────────────┼────────┼──────────────────┼───────────────────────────────────────────────────────┤
// │ K256        │    256 │ memory.ts        │ round constants K0..K63 (RFC 6234 §5.1), read-only;    │
// │             │        │                  │ read by the SIMD compress and the readable loop, and   │
// │             │        │                  │ written into the scalar compress's code as constants   │
// │ SCHEDULE    │    256 │ compress         │ message schedule: W0..W63 of the readable loop (base   │
// │             │        │                  │ and debug builds); W+K of the two 4-word groups in     │
// │             │        │                  │ flight of the SIMD compress (first 32 bytes). Key      │
// │             │        │                  │ material while a pad block is compressed, zeroed       │
// │             │        │                  │ before compress returns. The scalar compress keeps its │
// │             │        │                  │ schedule in locals. Both regions are laid out in every │
// │             │        │                  │ build, so every build has the same memory map          │
// │ IV256       │     32 │ sha256.ts        │ initial hash value H(0) (RFC 6234 §6.1), read-only     │
// │ CTX         │    112 │ sha256.ts        │ the running hash: state H (32) · partial block (64) ·  │
// │             │        │                  │ buffered byte count (u32 at +96) · total bytes (u64    │
// │             │        │                  │ at +104). JS may save/restore it to interleave hashes. │
// │             │        │                  │ Zeroed after a key derivation (it may hold a chain     │
// │             │        │                  │ key's hash state)                                      │
// │ HMAC_KEY    │     64 │ hmac.ts          │ key material: inner midstate (32) · outer midstate     │
// │             │        │                  │ (32) of the loaded HMAC key (RFC 2104 K⊕ipad, K⊕opad); │
// │             │        │                  │ in a key derivation, a chain MAC's two states between  │
// │             │        │                  │ macShortOnce() and the next key load                   │
// │ HMAC_PAD    │     64 │ hmac.ts          │ key material: the K⊕pad block, and a chain MAC's       │
// │             │        │                  │ padded inner and outer blocks; zeroed after each use,  │
// │             │        │                  │ so it is all zeros whenever a key load or a chain MAC  │
// │             │        │                  │ starts                                                 │
// │ CHAIN       │    128 │ sigv4.ts         │ key material: kDate · kRegion · kService · kSigning;   │
// │             │        │                  │ zeroed unless the caller asked to read the chain       │
// │ DIGEST      │     32 │ sha256.ts        │ output of the last hash / HMAC                         │
// │ DIGEST_HEX  │     64 │ sha256.ts        │ output: DIGEST as lowercase hex, on request; the body's│
// │             │        │                  │ hash when signBody() hashed it                         │
// │ SIGNATURE   │     64 │ sigv4.ts         │ output: the signature as lowercase hex                 │
// │ STS         │    512 │ JS, sigv4.ts     │ the string to sign: JS writes the prefix (algorithm,   │
// │             │        │                  │ date, scope, each + LF), the core appends the hex hash.│
// │             │        │                  │ DIGEST_HEX, SIGNATURE and STS are adjacent: the JS     │
// │             │        │                  │ side reads the signature and the string to sign (and   │
// │             │        │                  │ the body's hash) in one decode                         │
// │ MEMO_CREQ   │    432 │ memo.ts          │ the leading blocks of the last canonical request       │
// │             │        │                  │ signed and the hash state after each (see memo.ts)     │
// │ MEMO_STS    │    144 │ memo.ts          │ key material: the inner HMAC midstate of the loaded    │
// │             │        │                  │ key, the first block of the last string to sign and    │
// │             │        │                  │ the state after it                                     │
// │ INPUT       │  65536 │ JS               │ bytes passed in: data, keys, canonical request (and    │
// │             │        │                  │ the body, further on, for signBody)                    │
// ╘═════════════╧════════╧══════════════════╧═══════════════════════════════════════════════════════╛
// Key material regions are zeroed by the core as soon as they are no longer needed, except
// HMAC_KEY, which must survive between calls so that a cached signing key costs no extra blocks,
// and MEMO_STS, which holds a state derived from it for the same reason.

/** SHA-256 round constants K0..K63 (RFC 6234 §5.1, FIPS 180-4 §4.2.2). */
export const K256: usize = memory.data<u32>([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
], 16);

/** SHA-256 initial hash value H(0) (RFC 6234 §6.1, FIPS 180-4 §5.3.3). */
export const IV256: usize = memory.data<u32>([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
], 16);

export const SCHEDULE: usize = memory.data(256, 16);
export const SCHEDULE_SIZE: u32 = 256;

export const CTX: usize = memory.data(112, 16);
export const CTX_SIZE: u32 = 112;
/** Offsets of the fields inside CTX. */
export const CTX_STATE: usize = CTX;
export const CTX_BLOCK: usize = CTX + 32;
export const CTX_BUFFERED: usize = CTX + 96;
export const CTX_TOTAL: usize = CTX + 104;

export const HMAC_KEY: usize = memory.data(64, 16);
export const HMAC_KEY_SIZE: u32 = 64;
export const HMAC_INNER: usize = HMAC_KEY;
export const HMAC_OUTER: usize = HMAC_KEY + 32;
export const HMAC_PAD: usize = memory.data(64, 16);

export const CHAIN: usize = memory.data(128, 16);
export const CHAIN_SIZE: u32 = 128;

export const DIGEST: usize = memory.data(32, 16);
/**
 * DIGEST_HEX, SIGNATURE (64 hex characters each) and STS, declared as one run so that
 * SIGNATURE = DIGEST_HEX + 64 and STS = SIGNATURE + 64 in every build.
 */
const HEX_SIGNATURE_STS: usize = memory.data(64 + 64 + 512, 16);
export const DIGEST_HEX: usize = HEX_SIGNATURE_STS;
export const SIGNATURE: usize = HEX_SIGNATURE_STS + 64;
export const STS: usize = SIGNATURE + 64;
export const STS_SIZE: u32 = 512;

/**
 * A memo slot (memo.ts): the state it starts from (32) · block count (u32, padded to 16) ·
 * `blocks` message blocks (64 each) · the state after each of them (32 each).
 */
export const MEMO_START: usize = 0;
export const MEMO_COUNT: usize = 32;
export const MEMO_BLOCKS_AT: usize = 48;
/** Canonical-request blocks remembered: method, path, query and the first headers of most requests. */
export const MEMO_CREQ_BLOCKS: u32 = 4;
export const MEMO_CREQ: usize = memory.data(48 + 4 * 96, 16);
/** String-to-sign blocks remembered: the first, which holds only algorithm, date and scope. */
export const MEMO_STS_BLOCKS: u32 = 1;
export const MEMO_STS: usize = memory.data(48 + 1 * 96, 16);

export const INPUT: usize = memory.data(65536, 16);
export const INPUT_SIZE: u32 = 65536;

/** SHA-256 block size in bytes (RFC 6234 §2). */
export const BLOCK: u32 = 64;
/** SHA-256 digest size in bytes. */
export const DIGEST_SIZE: u32 = 32;
