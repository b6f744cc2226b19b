// The signing time: X-Amz-Date is ISO 8601 basic format in UTC, YYYYMMDD'T'HHMMSS'Z'
// (AWS SigV4 documentation, "Elements of an AWS API request signature"), and the credential
// scope uses its first 8 characters.

import { SigningError } from "./errors.js";

export interface SigningDate {
  /** YYYYMMDDTHHMMSSZ */
  amzDate: string;
  /** YYYYMMDD */
  shortDate: string;
  /** Milliseconds since the epoch, whole seconds. */
  epochMs: number;
}

/** What a caller may pass: a Date, epoch milliseconds, or a string in basic or extended ISO 8601 UTC form. */
export type DateInput = Date | number | string;

const BASIC = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const EXTENDED = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z$/;

function fromString(text: string): number {
  const m = BASIC.exec(text) ?? EXTENDED.exec(text);
  if (m === null) return NaN;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  // Date.UTC rolls 2015-02-30 over to March and reads years 0–99 as 1900–1999: a date that
  // does not round-trip is not a date.
  const back = new Date(ms);
  const exact = back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d;
  return exact && h < 24 && mi < 60 && s < 60 ? ms : NaN;
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

// Gateways sign many requests within one second, or always at one fixed date: the last result
// is reused for the same whole second.
let last: SigningDate | undefined;
let lastText: string | undefined;

function toMilliseconds(input: DateInput | undefined, field: string): number {
  if (input === undefined) return Date.now();
  if (typeof input === "number") return input;
  if (typeof input === "string") return fromString(input);
  // Date.prototype.getTime accepts only a Date, also one from another realm (an iframe, a vm
  // context), where instanceof Date is false.
  if (input !== null && typeof input === "object") {
    try {
      return Date.prototype.getTime.call(input);
    } catch {
      // not a Date
    }
  }
  throw new SigningError("InvalidDate", field, "must be a Date, epoch milliseconds or a string like 20150830T123600Z");
}

/** Resolves the signing time; `field` names the option in errors. */
export function signingDate(input: DateInput | undefined, field: string): SigningDate {
  if (typeof input === "string" && input === lastText && last !== undefined) return last;
  const ms = toMilliseconds(input, field);
  const second = Math.floor(ms / 1000) * 1000;
  if (last === undefined || last.epochMs !== second) last = format(second, field);
  lastText = typeof input === "string" ? input : undefined;
  return last;
}

/** "00" … "59": the two-digit fields of a time of day. */
const TWO_DIGITS: string[] = [];
for (let n = 0; n < 60; n++) TWO_DIGITS.push((n < 10 ? "0" : "") + n);
const DAY_MS = 86_400_000;

function format(second: number, field: string): SigningDate {
  // Within the day of the last result its shortDate is reused (the same string: the scope and the
  // string to sign that compare it find it at once), and the time of day is plain arithmetic.
  if (last !== undefined && Math.floor(second / DAY_MS) === Math.floor(last.epochMs / DAY_MS)) {
    return { amzDate: last.shortDate + timeOfDay(second), shortDate: last.shortDate, epochMs: second };
  }
  const d = new Date(second);
  const year = d.getUTCFullYear();
  // Past ±8.64e15 ms a Date is invalid and its year NaN, which no comparison with a number catches.
  if (!(year >= 1000 && year <= 9999)) {
    throw new SigningError("InvalidDate", field, "is not a valid date (expected a Date, epoch milliseconds, or YYYYMMDDTHHMMSSZ / YYYY-MM-DDTHH:MM:SSZ in UTC)");
  }
  const shortDate = pad(year, 4) + TWO_DIGITS[d.getUTCMonth() + 1] + TWO_DIGITS[d.getUTCDate()];
  return { amzDate: shortDate + timeOfDay(second), shortDate, epochMs: second };
}

/** 'T' HHMMSS 'Z' of a whole second since the epoch (UTC has no leap seconds in epoch time). */
function timeOfDay(second: number): string {
  const s = (second - Math.floor(second / DAY_MS) * DAY_MS) / 1000;
  return "T" + TWO_DIGITS[Math.floor(s / 3600)] + TWO_DIGITS[Math.floor(s / 60) % 60] + TWO_DIGITS[s % 60] + "Z";
}
