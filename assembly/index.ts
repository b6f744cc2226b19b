// The WebAssembly ABI of the core: this file is only the export list.
// Regions and sizes come from memory.ts; see its table for who owns what.

export {
  K256, SCHEDULE, INPUT, INPUT_SIZE, CTX, CTX_SIZE, HMAC_KEY, CHAIN, CHAIN_SIZE, DIGEST, DIGEST_HEX, SIGNATURE, STS, STS_SIZE,
} from "./memory";
export { hashInit, hashUpdate, hashFinal, hash, digestHex } from "./sha256";
// The compression function itself, compress(state, block): its body is what differs between the base,
// scalar and SIMD builds (see sha256-compress.ts), so it is exported to be found and tested in each.
export { compress } from "./sha256";
export { hmacLoadKey, hmacStart, hmacFinal, hmac } from "./hmac";
export { deriveSigningKey, signFinal, sign, signBody } from "./sigv4";
