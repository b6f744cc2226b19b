// The last line of the canonical request, as the server computes it, and the check of the body
// against the hash the client declared.
//
// S3 rules (Amazon S3 API Reference, "Signature Calculations for the Authorization Header"): the
// client declares the payload in x-amz-content-sha256 (required when signing headers), and S3
// signs with the declared value, then checks the body against it (XAmzContentSHA256Mismatch).
// Presigned S3 URLs sign UNSIGNED-PAYLOAD unless the header declares otherwise.
// Other services hash the body themselves; a declared UNSIGNED-PAYLOAD or STREAMING-… marker is
// honoured, as the signer honours it, and a declared hash that is not the body's shows up as a
// signature mismatch whose canonical request carries the body's real hash.

import { UNSIGNED_PAYLOAD, STREAMING_PAYLOAD_PREFIX, S3_PAYLOAD_MARKERS } from "../constants.js";
import { isMarker, isSha256Hex } from "../payload.js";
import type { PayloadKind, VerifyFailure, ErrorStyle } from "./types.js";
import { invalidContentSha256, missingContentSha256, contentSha256Mismatch } from "./outcome.js";

export interface PayloadPlan {
  /** The payload line of the canonical request. */
  line: string;
  kind: PayloadKind;
}

function kindOf(line: string): PayloadKind {
  return line === UNSIGNED_PAYLOAD ? "unsigned" : line.startsWith(STREAMING_PAYLOAD_PREFIX) ? "streaming" : "signed";
}

function plan(line: string): PayloadPlan {
  return { line, kind: kindOf(line) };
}

export interface PayloadInput {
  s3: boolean;
  style: ErrorStyle;
  location: "header" | "query";
  /** The x-amz-content-sha256 header, as sent (never a query parameter: S3 reads the header only). */
  declared: string | undefined;
  bodyHash: () => string;
}

export function planPayload(p: PayloadInput): PayloadPlan | VerifyFailure {
  const { declared } = p;
  if (!p.s3) return declared !== undefined && isMarker(declared) ? plan(declared) : plan(p.bodyHash());
  if (declared === undefined) return p.location === "query" ? plan(UNSIGNED_PAYLOAD) : missingContentSha256(p.style);
  if (isSha256Hex(declared) || S3_PAYLOAD_MARKERS.includes(declared)) return plan(declared);
  return invalidContentSha256(p.style, declared);
}

/** After the signature is known to be right: S3 rejects a body whose hash is not the one declared. */
export function checkBody(p: PayloadInput, planned: PayloadPlan): VerifyFailure | undefined {
  if (!p.s3 || planned.kind !== "signed") return undefined;
  const computed = p.bodyHash();
  return computed === planned.line ? undefined : contentSha256Mismatch(p.style, planned.line, computed);
}
