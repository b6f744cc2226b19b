// Readers for the AWS suite files in ../shared (raw HTTP requests, context.json).
import { readFileSync, existsSync } from "node:fs";

/** A suite case's context.json. */
export interface Context {
  credentials: { access_key_id: string; secret_access_key: string; token?: string };
  expiration_in_seconds: number;
  normalize: boolean;
  region: string;
  service: string;
  sign_body: boolean;
  timestamp: string;
  omit_session_token?: boolean;
}

export interface RawRequest {
  method: string;
  /** The request target exactly as in the request line. */
  target: string;
  /** [name, value] in file order; folded continuation lines are joined with one space (RFC 9112 §5.2 obs-fold). */
  headers: [string, string][];
  body: string;
}

/** Parses a request file: `METHOD target HTTP/1.1`, `Name:value` lines, blank line, body. */
export function parseRawRequest(text: string): RawRequest {
  const normalized = text.replace(/\r/g, "");
  const blank = normalized.indexOf("\n\n");
  const head = blank < 0 ? normalized : normalized.slice(0, blank);
  const body = blank < 0 ? "" : normalized.slice(blank + 2);
  const [requestLine, ...lines] = head.split("\n");
  const firstSpace = requestLine.indexOf(" ");
  const method = requestLine.slice(0, firstSpace);
  const rest = requestLine.slice(firstSpace + 1);
  const target = rest.endsWith(" HTTP/1.1") ? rest.slice(0, -" HTTP/1.1".length) : rest;
  const headers: [string, string][] = [];
  for (const line of lines) {
    if (line === "") continue;
    if (/^[ \t]/.test(line)) {
      headers[headers.length - 1][1] += " " + line.trim();
      continue;
    }
    const colon = line.indexOf(":");
    headers.push([line.slice(0, colon), line.slice(colon + 1)]);
  }
  return { method, target, headers, body };
}

export function read(path: string): string {
  return readFileSync(path, "utf8");
}

export function readIfExists(path: string): string | undefined {
  return existsSync(path) ? read(path) : undefined;
}

/** Trims and collapses whitespace, the way a server compares header values. */
export function trimAll(value: string): string {
  return value.replace(/[ \t]+/g, " ").trim();
}

/** Headers of a raw request as name → values joined with ',' (trimmed), for comparing as a set. */
export function headerSet(headers: [string, string][]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of headers) {
    const n = name.toLowerCase();
    out[n] = out[n] === undefined ? trimAll(value) : out[n] + "," + trimAll(value);
  }
  return out;
}

/** The query parameters of a request target, sorted, for comparing as a multiset. */
export function queryParams(target: string): string[] {
  const q = target.indexOf("?");
  return q < 0 ? [] : target.slice(q + 1).split("&").filter((p) => p !== "").sort();
}
