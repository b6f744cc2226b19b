// HashedPayload, the last line of the canonical request: hex SHA-256 of the body, or a marker
// (UNSIGNED-PAYLOAD, STREAMING-…) the service recognises.

import { SigningError } from "./errors.js";
import { EMPTY_SHA256, UNSIGNED_PAYLOAD, STREAMING_PAYLOAD_PREFIX, S3_PAYLOAD_MARKERS } from "./constants.js";
import { sha256Hex } from "./sha256.js";
import { describe, isArrayBuffer, isDetached } from "./bytes.js";

/** How the payload is signed: hash the body, leave it unsigned, or a hash/marker the caller computed. */
export type PayloadSetting = "sign" | "unsigned" | { sha256: string };

/**
 * An opt-in SHA-256 for large bodies, where the platform has a faster one than the core (node:crypto
 * runs SHA-NI instructions where the CPU has them: see BENCHMARKS.md). Nothing requires it; the
 * core hashes every body it is not given.
 */
export interface PayloadHasher {
  /** Lowercase hex SHA-256 of the body (a string is hashed as its UTF-8 bytes). */
  sha256Hex(data: string | Uint8Array): string;
  /** Bodies of at least this many bytes (a string: this many characters) go to it; default 512. */
  minBytes?: number;
}

/**
 * Small bodies stay in the core, whose one call beats a platform hasher's per-call overhead: in the
 * primitives suite (BENCHMARKS.md) the core is faster than node:crypto at 256 B and slower at 1 KiB;
 * 512 B sits past the point where their times, interpolated between those two sizes, cross.
 */
const DEFAULT_MIN_BYTES = 512;

const HEX64 = /^[0-9a-f]{64}$/;
const MARKER = /^STREAMING-[A-Z0-9-]+$/;

/** 64 lowercase hex digits: a SHA-256 as SigV4 writes it. */
export const isSha256Hex = (value: string): boolean => HEX64.test(value);

/** A payload line that is a marker (UNSIGNED-PAYLOAD, STREAMING-…) rather than a hash. */
export function isMarker(value: string): boolean {
  return value === UNSIGNED_PAYLOAD || (value.startsWith(STREAMING_PAYLOAD_PREFIX) && MARKER.test(value));
}

function bodyBytes(body: unknown): string | Uint8Array {
  if (typeof body === "string") return body;
  let bytes: Uint8Array | undefined;
  try {
    bytes = body instanceof Uint8Array ? body : isArrayBuffer(body) ? new Uint8Array(body) : ArrayBuffer.isView(body) ? new Uint8Array(body.buffer, body.byteOffset, body.byteLength) : undefined;
  } catch {
    throw detachedBody(); // a view of a valid buffer cannot fail: only a detached one makes these throw
  }
  if (bytes === undefined) throw new SigningError("InvalidBody", "body", `a ${describe(body)} cannot be hashed; pass a string or bytes, or set payload to 'unsigned' or { sha256 }`);
  // A view of a detached buffer reads as empty: signing it as an empty body would be a wrong signature.
  if (bytes.length === 0 && isDetached(bytes.buffer)) throw detachedBody();
  return bytes;
}

const detachedBody = (): SigningError => new SigningError("InvalidBody", "body", "is a detached buffer (transferred to a worker or closed): its bytes are gone");

function platformHash(hasher: PayloadHasher, data: string | Uint8Array): string {
  const hex = hasher.sha256Hex(data);
  if (typeof hex !== "string" || !HEX64.test(hex)) throw new SigningError("InvalidOption", "options.payloadHasher", "returned something other than 64 lowercase hex digits");
  return hex;
}

/** The body's bytes (or string), or undefined for an empty or absent body, whose hash is EMPTY_SHA256. */
function nonEmptyBody(body: unknown): string | Uint8Array | undefined {
  if (body === undefined || body === null || body === "") return undefined;
  const data = bodyBytes(body);
  return data.length === 0 ? undefined : data;
}

/** Whether the opt-in platform hasher takes these bytes rather than the core. */
const forPlatform = (data: string | Uint8Array, hasher: PayloadHasher | undefined): hasher is PayloadHasher =>
  hasher !== undefined && data.length >= (hasher.minBytes ?? DEFAULT_MIN_BYTES);

/**
 * The body to hash in the core while it signs (signature.ts, computeSignatureOfBody), where
 * payloadHash() would hash it in the core and its hash is needed nowhere but the canonical
 * request's last line (the caller knows whether a header carries it); undefined otherwise.
 */
export function bodyForCore(body: unknown, setting: PayloadSetting | undefined, declared: string | undefined, fallback: "sign" | "unsigned", hasher?: PayloadHasher): string | Uint8Array | undefined {
  // A setting other than undefined and "sign" (null included) stays with payloadHash(), which checks it.
  if (declared !== undefined || (setting === undefined ? fallback : setting) !== "sign") return undefined;
  const data = nonEmptyBody(body);
  return data === undefined || forPlatform(data, hasher) ? undefined : data;
}

/** SHA-256 hex of a body; an empty or absent body hashes to the empty-string constant. */
export function hashBody(body: unknown, hasher?: PayloadHasher): string {
  const data = nonEmptyBody(body);
  if (data === undefined) return EMPTY_SHA256;
  return forPlatform(data, hasher) ? platformHash(hasher, data) : sha256Hex(data);
}

function checkDeclared(value: string, field: string): string {
  if (HEX64.test(value) || isMarker(value)) return value;
  throw new SigningError("InvalidOption", field, "must be 64 lowercase hex digits, UNSIGNED-PAYLOAD or a STREAMING-… marker");
}

/**
 * The payload hash. An explicit setting wins. Otherwise a caller's x-amz-content-sha256 header
 * (`declared`) is honoured, and checked against the body when it is a hash and a body is given,
 * because a hash computed over other bytes than are sent is a classic cause of 403s.
 */
export function payloadHash(body: unknown, setting: PayloadSetting | undefined, declared: string | undefined, fallback: "sign" | "unsigned", hasher?: PayloadHasher): string {
  if (typeof setting === "object" && setting !== null) {
    if (typeof setting.sha256 !== "string") throw new SigningError("InvalidOption", "options.payload.sha256", "must be a string");
    return checkDeclared(setting.sha256, "options.payload.sha256");
  }
  if (setting !== undefined && setting !== "sign" && setting !== "unsigned") {
    throw new SigningError("InvalidOption", "options.payload", "must be 'sign', 'unsigned' or { sha256 }");
  }
  if (setting === undefined && declared !== undefined) {
    const value = checkDeclared(declared, "headers.x-amz-content-sha256");
    if (HEX64.test(value) && body !== undefined && body !== null && hashBody(body, hasher) !== value) {
      throw new SigningError("PayloadHashMismatch", "headers.x-amz-content-sha256", "is not the SHA-256 of the body being sent");
    }
    return value;
  }
  return (setting ?? fallback) === "unsigned" ? UNSIGNED_PAYLOAD : hashBody(body, hasher);
}

/**
 * Whether x-amz-content-sha256 must carry the payload line (`line`, "" while the core hashes the
 * body) because the service cannot work it out. A service learns a marker (UNSIGNED-PAYLOAD,
 * STREAMING-…) only from the header: without it, it hashes the body it receives. S3 signs a
 * presigned URL's payload as UNSIGNED-PAYLOAD unless a signed x-amz-content-sha256 header, sent
 * with the URL, declares a hash: the header, not a query parameter (aws-sdk-go #1976: a hash
 * hoisted into the query always failed). aws-c-auth sends the header when presigning with
 * UNSIGNED-PAYLOAD too (aws-c-auth #248), which other services need.
 */
export function mustDeclare(line: string, s3: boolean, location: "header" | "query"): boolean {
  if (line === "") return false;
  if (location === "query" && s3) return line !== UNSIGNED_PAYLOAD;
  return isMarker(line);
}

/** Whether a payload option sets a marker (UNSIGNED-PAYLOAD, STREAMING-…) as the payload line. */
export function isMarkerSetting(setting: PayloadSetting | undefined): boolean {
  return setting === "unsigned" || (typeof setting === "object" && setting !== null && typeof setting.sha256 === "string" && isMarker(setting.sha256));
}

/**
 * S3 knows six markers (S3_PAYLOAD_MARKERS, which its InvalidArgument message lists) and refuses any
 * other; event-stream services have markers of their own (STREAMING-AWS4-HMAC-SHA256-EVENTS).
 */
export function checkMarkerFor(line: string, s3: boolean, setting: PayloadSetting | undefined): void {
  if (!s3 || !line.startsWith(STREAMING_PAYLOAD_PREFIX) || S3_PAYLOAD_MARKERS.includes(line)) return;
  const field = typeof setting === "object" ? "options.payload.sha256" : "headers.x-amz-content-sha256";
  throw new SigningError("InvalidOption", field, `is a marker S3 does not know: S3 takes ${S3_PAYLOAD_MARKERS.join(", ")} or a hash`);
}
