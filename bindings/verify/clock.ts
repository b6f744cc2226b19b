// Time: the server's clock, and the request time a client signed. AWS reads x-amz-date first
// (header or X-Amz-Date parameter), else the Date header (IAM User Guide, "Handling dates in
// Signature Version 4"). x-amz-date is ISO 8601 basic format, YYYYMMDD'T'HHMMSS'Z'; a Date header
// is an HTTP-date (RFC 9110 §5.6.7, IMF-fixdate) or that basic format.

import { signingDate, type DateInput } from "../date.js";
import { AMZ_DATE, DATE_HEADER } from "../constants.js";

export type RequestTime =
  | { kind: "missing" }
  | { kind: "invalid"; raw: string }
  | {
      kind: "ok";
      /** Epoch milliseconds. */
      ms: number;
      /** YYYYMMDDTHHMMSSZ, as the string to sign carries it. */
      amzDate: string;
      /** As sent. */
      raw: string;
      /** The header it came from (the query parameter for presigned requests). */
      source: typeof AMZ_DATE | typeof DATE_HEADER | "query";
    };

const BASIC = /^\d{8}T\d{6}Z$/;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const IMF_FIXDATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;

/** Epoch milliseconds of an ISO 8601 basic date-time, or NaN (signingDate rejects 2015-02-30 and the like). */
function basicMs(text: string): number {
  if (!BASIC.test(text)) return NaN;
  try {
    return signingDate(text, "x-amz-date").epochMs;
  } catch {
    return NaN;
  }
}

function imfFixdateMs(text: string): number {
  const m = IMF_FIXDATE.exec(text);
  if (m === null || !MONTHS.includes(m[2])) return NaN;
  const [day, year, h, mi, s] = [m[1], m[3], m[4], m[5], m[6]].map(Number);
  const month = MONTHS.indexOf(m[2]);
  const ms = Date.UTC(year, month, day, h, mi, s);
  const back = new Date(ms);
  // Date.UTC reads a year below 100 as 19xx: the year read back must be the one sent.
  return back.getUTCFullYear() === year && back.getUTCDate() === day && back.getUTCMonth() === month && h < 24 && mi < 60 && s < 60 ? ms : NaN;
}

/** A time the signer cannot write as x-amz-date (a year before 1000, say) is as invalid as an unreadable one. */
function timeOf(raw: string, ms: number, source: "x-amz-date" | "date" | "query"): RequestTime {
  if (Number.isNaN(ms)) return { kind: "invalid", raw };
  try {
    return { kind: "ok", ms, amzDate: signingDate(ms, "date").amzDate, raw, source };
  } catch {
    return { kind: "invalid", raw };
  }
}

/** The time of a header-signed request: x-amz-date, else Date. */
export function headerTime(amzDate: string | undefined, date: string | undefined): RequestTime {
  if (amzDate !== undefined) return timeOf(amzDate, basicMs(amzDate), AMZ_DATE);
  if (date !== undefined) return timeOf(date, BASIC.test(date) ? basicMs(date) : imfFixdateMs(date), DATE_HEADER);
  return { kind: "missing" };
}

/** The time of a presigned request: X-Amz-Date. */
export function queryTime(value: string | undefined): RequestTime {
  return value === undefined ? { kind: "missing" } : timeOf(value, basicMs(value), "query");
}

/** The server's clock in epoch milliseconds, whole seconds (as request times are). */
export function nowMs(now: DateInput | (() => DateInput) | undefined): number {
  const value = typeof now === "function" ? now() : now;
  return signingDate(value, "options.now").epochMs;
}
