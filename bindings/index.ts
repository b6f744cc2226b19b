// sigv4-wasm: AWS Signature Version 4 with a WebAssembly core. Public exports only.

export { sha256, sha256Hex, Sha256 } from "./sha256.js";
export { hmacSha256 } from "./hmac.js";
export { deriveSigningKey, signingKeyChain, type SigningKeyChain } from "./signing-key.js";
export { toHex, toBase64 } from "./bytes.js";
export { useCore } from "./wasm/instance.js";
export { SigningError, type SigningErrorCode } from "./errors.js";
