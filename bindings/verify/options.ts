// Verification options, checked once per call, with their defaults filled in. A wrong option is
// the caller's mistake, not the client's, so it is a TypeError or RangeError naming the option.

import { describe } from "../bytes.js";
import { MAX_EXPIRES, DEFAULT_MAX_SKEW_SECONDS } from "../constants.js";
import { nowMs } from "./clock.js";
import type { VerifyCredentials, VerifyOptions } from "./types.js";
import type { UriEncoding } from "../canonical/uri.js";

export interface Settings<Lookup> {
  getCredentials: Lookup;
  /** The server's clock for this request, epoch milliseconds. */
  nowMs: number;
  regions?: readonly string[];
  services?: readonly string[];
  skewSeconds: number;
  /** Explicit canonicalisation rules; each undefined one follows the scope's service. */
  uriEncoding?: UriEncoding;
  normalizePath?: boolean;
}

function names(value: unknown, option: string): readonly string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length === 0 || value.some((v) => typeof v !== "string")) {
    throw new TypeError(`"options.${option}" must be a non-empty array of strings`);
  }
  return value;
}

function skew(value: unknown): number {
  if (value === undefined) return DEFAULT_MAX_SKEW_SECONDS;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > MAX_EXPIRES) {
    throw new RangeError(`"options.maxSkewSeconds" must be a whole number of seconds from 0 to ${MAX_EXPIRES}`);
  }
  return value;
}

function encoding(value: unknown): UriEncoding | undefined {
  if (value === undefined || value === "double" || value === "single") return value;
  throw new TypeError(`"options.uriEncoding" must be 'double' or 'single'`);
}

function flag(value: unknown, option: string): boolean | undefined {
  if (value === undefined || typeof value === "boolean") return value;
  throw new TypeError(`"options.${option}" must be a boolean`);
}

export function resolveOptions<Lookup>(options: VerifyOptions<Lookup>): Settings<Lookup> {
  if (options === null || typeof options !== "object") throw new TypeError(`"options" must be an object; got ${describe(options)}`);
  if (typeof options.getCredentials !== "function") throw new TypeError('"options.getCredentials" must be a function');
  return {
    getCredentials: options.getCredentials,
    nowMs: nowMs(options.now),
    regions: names(options.regions, "regions"),
    services: names(options.services, "services"),
    skewSeconds: skew(options.maxSkewSeconds),
    uriEncoding: encoding(options.uriEncoding),
    normalizePath: flag(options.normalizePath, "normalizePath"),
  };
}

/** What getCredentials returned, checked: a non-empty secret, and a token that is a string when present. */
export function checkCredentials(value: unknown): VerifyCredentials | undefined {
  if (value === undefined || value === null) return undefined;
  const c = value as VerifyCredentials;
  if (typeof c !== "object" || typeof c.secretAccessKey !== "string" || c.secretAccessKey === "") {
    throw new TypeError('"options.getCredentials" must return { secretAccessKey, sessionToken? } with a non-empty secretAccessKey, or undefined');
  }
  if (c.sessionToken !== undefined && typeof c.sessionToken !== "string") throw new TypeError('"options.getCredentials": sessionToken must be a string when present');
  return c;
}
