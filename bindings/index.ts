// sigv4-wasm: AWS Signature Version 4 with a WebAssembly core. Public exports only.

export { sha256, sha256Hex, Sha256 } from "./sha256.js";
export { hmacSha256 } from "./hmac.js";
export { deriveSigningKey, signingKeyChain, type SigningKeyChain } from "./signing-key.js";
export { toHex, toBase64 } from "./bytes.js";
export { useCore, coreName, type CoreName, type CoreSource } from "./wasm/instance.js";
export { warmUp } from "./warm-up.js";
export { SigningError, type SigningErrorCode } from "./errors.js";
export { sign, presign, Signer, type SignedRequest, type PresignedRequest, type SignerConfig } from "./signer.js";
export type { SignOptions, PresignOptions, Credentials, SessionTokenMode } from "./settings.js";
export type { HttpRequest, HeadersInput, Body } from "./request.js";
export type { PayloadSetting, PayloadHasher } from "./payload.js";
export type { UriEncoding } from "./canonical/uri.js";
export type { DateInput } from "./date.js";
export type { KeyCacheStats } from "./key-cache.js";
