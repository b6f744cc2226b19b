// sigv4-wasm/wasm: the public API with the WebAssembly cores only (the default entry, portable.ts, adds the JavaScript core). Public exports only.

export { sha256, sha256Hex, Sha256 } from "./sha256.js";
export { hmacSha256, HmacSha256Key } from "./hmac.js";
export { deriveSigningKey, signingKeyChain, type SigningKeyChain } from "./signing-key.js";
export { toHex, toBase64 } from "./bytes.js";
export { useCore, coreName, type CoreName, type CoreSource } from "./wasm/instance.js";
export { warmUp, type WarmUpSample } from "./warm-up.js";
export { SigningError, type SigningErrorCode } from "./errors.js";
export { sign, presign, Signer, type SignedRequest, type PresignedRequest, type SignerConfig } from "./signer.js";
export type { SignOptions, PresignOptions, Credentials, SessionTokenMode, HoistSetting } from "./settings.js";
export type { HttpRequest, HeadersInput, Body } from "./request.js";
export type { PayloadSetting, PayloadHasher } from "./payload.js";
export type { UriEncoding } from "./canonical/uri.js";
export type { DateInput } from "./date.js";
export type { KeyCacheStats } from "./key-cache.js";
export { verify, verifyAsync } from "./verify/verify.js";
export type { VerifyRequest, VerifyOptions, VerifyCredentials, GetCredentials, GetCredentialsAsync, VerifyResult, VerifySuccess, VerifyFailure, VerifyErrorCode, ErrorStyle, PayloadKind } from "./verify/types.js";
export { parseHttpRequest, toVerifyRequest, type RawHttpRequest } from "./verify/raw-request.js";
export { explain, type ExplainInput, type Explanation, type ClientSide, type ServiceSide } from "./explain/explain.js";
export { formatExplanation } from "./explain/format.js";
export { parseErrorBody, type ServiceReport } from "./explain/parse-error-body.js";
export type { Cause, Difference } from "./explain/diagnose.js";
export type { DiffLine } from "./explain/diff.js";
