// The SigV4 signing key (kSecret → kDate → kRegion → kService → kSigning), derived in the core.

import { core } from "./wasm/instance.js";
import { DIGEST_SIZE, type Core } from "./wasm/abi.js";
import { describe, copyOf, wipe } from "./bytes.js";
import { encodeUtf8, encodeUtf8Into, utf8Length } from "./utf8.js";
import { releaseCtx } from "./sha256.js";
import { KEY_PREFIX, SCOPE_TERMINATOR } from "./constants.js";
import { viewsOf } from "./core-views.js";

/** The key chain of the AWS SigV4 documentation, for checking one's own HMAC chain step by step. */
export interface SigningKeyChain {
  /** "AWS4" + secret, as UTF-8 bytes (the key of the first HMAC). */
  kSecret: Uint8Array;
  kDate: Uint8Array;
  kRegion: Uint8Array;
  kService: Uint8Array;
  kSigning: Uint8Array;
}

function checkField(value: unknown, name: string): asserts value is string {
  if (typeof value !== "string") throw new TypeError(`"${name}" must be a string; got ${describe(value)}`);
  if (value.length === 0) throw new RangeError(`"${name}" must not be empty`);
}

function checkArgs(secretAccessKey: unknown, date: unknown, region: unknown, service: unknown): void {
  checkField(secretAccessKey, "secretAccessKey");
  checkField(date, "date");
  if (!/^\d{8}$/.test(date)) throw new RangeError('"date" must be 8 digits, YYYYMMDD');
  checkField(region, "region");
  checkField(service, "service");
}

/**
 * Runs the chain in the core and leaves kSigning's HMAC midstates in HMAC_KEY; with `chainOnly`,
 * leaves kDate..kSigning in CHAIN instead (see takeChain). The secret is wiped from INPUT by the core.
 */
export function loadSigningKey(c: Core, secret: string, date: string, region: string, service: string, chainOnly: boolean): void {
  checkSize(secret, c.inputSize - MAX_SCOPE_ELEMENT * 3, "secretAccessKey");
  checkSize(region, MAX_SCOPE_ELEMENT, "region");
  checkSize(service, MAX_SCOPE_ELEMENT, "service");
  releaseCtx(c);
  // The five fields in one encodeInto where they are all ASCII (written = characters), the usual
  // case: 124 ns against 211 ns for one encoding each (Node 20, this project's machine class).
  const fields = KEY_PREFIX + secret + date + region + service + SCOPE_TERMINATOR;
  if (encodeUtf8Into(fields, viewsOf(c).input, 0) === fields.length) {
    c.fn.deriveSigningKey(KEY_PREFIX.length + secret.length, date.length, region.length, service.length, SCOPE_TERMINATOR.length, chainOnly ? 1 : 0);
    return;
  }
  // Each field on its own: a field's UTF-8 length, and no surrogate pair made across two fields.
  let at = c.input;
  const secretLen = encodeUtf8Into(KEY_PREFIX, c.mem, at) + encodeUtf8Into(secret, c.mem, at + KEY_PREFIX.length);
  at += secretLen;
  const dateLen = encodeUtf8Into(date, c.mem, at);
  at += dateLen;
  const regionLen = encodeUtf8Into(region, c.mem, at);
  at += regionLen;
  const serviceLen = encodeUtf8Into(service, c.mem, at);
  at += serviceLen;
  const terminatorLen = encodeUtf8Into(SCOPE_TERMINATOR, c.mem, at);
  c.fn.deriveSigningKey(secretLen, dateLen, regionLen, serviceLen, terminatorLen, chainOnly ? 1 : 0);
}

/** Region and service share the string to sign with the date and scope; this keeps them within it. */
const MAX_SCOPE_ELEMENT = 128;

/** UTF-8 takes at most 3 bytes per UTF-16 unit: only a string near the bound is measured. */
function checkSize(text: string, max: number, name: string): void {
  if (text.length * 3 <= max) return;
  const bytes = utf8Length(text);
  if (bytes > max) throw new RangeError(`"${name}" is too long: ${bytes} bytes in UTF-8, at most ${max}`);
}

/** Runs the chain for bytes: HMAC_KEY no longer holds any cached key's midstates afterwards. */
function deriveChain(secretAccessKey: string, date: string, region: string, service: string): Core {
  checkArgs(secretAccessKey, date, region, service);
  const c = core();
  loadSigningKey(c, secretAccessKey, date, region, service, true);
  c.keyOwner = null;
  return c;
}

/** Reads keys `first`..3 of kDate, kRegion, kService, kSigning out of CHAIN, then wipes CHAIN. */
function takeChain(c: Core, first: number): Uint8Array[] {
  const keys: Uint8Array[] = [];
  for (let i = first; i < 4; i++) keys.push(copyOf(c.mem, c.chain + i * DIGEST_SIZE, c.chain + (i + 1) * DIGEST_SIZE));
  wipe(c.mem, c.chain, c.chain + c.chainSize);
  return keys;
}

/** kSigning for a secret access key, a date (YYYYMMDD), a region and a service. */
export function deriveSigningKey(secretAccessKey: string, date: string, region: string, service: string): Uint8Array {
  return takeChain(deriveChain(secretAccessKey, date, region, service), 3)[0];
}

/** Every key of the chain, as bytes. */
export function signingKeyChain(secretAccessKey: string, date: string, region: string, service: string): SigningKeyChain {
  const [kDate, kRegion, kService, kSigning] = takeChain(deriveChain(secretAccessKey, date, region, service), 0);
  return { kSecret: encodeUtf8(KEY_PREFIX + secretAccessKey), kDate, kRegion, kService, kSigning };
}
