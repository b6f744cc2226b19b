// The request as a server received it, read without judging it: lower-case header names with
// their raw values, the raw path and query of the request line, the query parameters decoded
// (for reading the presigning parameters), and the hash of the body on demand. Nothing here
// throws on what a client sent; a call whose arguments have the wrong types (a programming
// error) gets a TypeError.

import { hashBody, isSha256Hex } from "../payload.js";
import { describe, isArrayBuffer, isDetached } from "../bytes.js";
import { HOST } from "../constants.js";
import { decodeComponent, paramName } from "../canonical/query.js";
import type { VerifyRequest } from "./types.js";

export interface Received {
  method: string;
  /** The path as sent, not decoded. */
  path: string;
  /** The query as sent, without '?'. */
  query: string;
  /** [lower-case name, value] in request order. */
  headers: [string, string][];
  /** Query parameters by lower-case name: the first value, percent-decoded (undefined when its escapes are malformed). */
  params: Map<string, string | undefined>;
  /** The lower-case names of params that appear more than once (the presigning parameters may not). */
  repeated: Set<string>;
  /** The SHA-256 hex of the body (computed once, on first call). */
  bodyHash: () => string;
}

const ABSOLUTE = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)([^#]*)/;

/** The request target and, for an absolute URL, its authority. */
function splitTarget(url: string | URL): { target: string; authority?: string } {
  if (url instanceof URL) return { target: url.pathname + url.search, authority: url.host };
  if (typeof url !== "string") throw new TypeError(`"request.url" must be a string or a URL; got ${describe(url)}`);
  const m = ABSOLUTE.exec(url);
  if (m === null) return { target: url.split("#", 1)[0] };
  const rest = m[2];
  return { target: rest === "" ? "/" : rest.startsWith("?") ? "/" + rest : rest, authority: m[1] };
}

function headerPairs(input: unknown): [string, string][] {
  const out: [string, string][] = [];
  if (input === undefined || input === null) return out;
  if (typeof input !== "object") throw new TypeError(`"request.headers" must be a record or an iterable of [name, value] pairs; got ${describe(input)}`);
  const add = (name: unknown, value: unknown): void => {
    if (typeof name === "string" && value !== undefined && value !== null) out.push([name.toLowerCase(), String(value)]);
  };
  if (typeof (input as Iterable<unknown>)[Symbol.iterator] === "function") {
    for (const entry of input as Iterable<unknown>) if (Array.isArray(entry)) add(entry[0], entry[1]);
    return out;
  }
  for (const [name, value] of Object.entries(input)) {
    if (Array.isArray(value)) for (const v of value) add(name, v);
    else add(name, value);
  }
  return out;
}

function queryParams(query: string): Pick<Received, "params" | "repeated"> {
  const params = new Map<string, string | undefined>();
  const repeated = new Set<string>();
  for (const part of query.split("&")) {
    if (part === "") continue;
    const name = paramName(part);
    const eq = part.indexOf("=");
    if (params.has(name)) repeated.add(name);
    else params.set(name, eq < 0 ? "" : decodeComponent(part.slice(eq + 1)));
  }
  return { params, repeated };
}

function checkBody(request: VerifyRequest): void {
  const { body, payloadHash } = request;
  if (payloadHash !== undefined && (typeof payloadHash !== "string" || !isSha256Hex(payloadHash))) {
    throw new TypeError('"request.payloadHash" must be 64 lower-case hex digits (the SHA-256 of the body)');
  }
  const ok = body === undefined || body === null || typeof body === "string" || isArrayBuffer(body) || ArrayBuffer.isView(body);
  if (!ok) throw new TypeError(`"request.body" must be a string or bytes; got ${describe(body)} (hash a stream while reading it and pass payloadHash)`);
  if (typeof body === "object" && body !== null && isDetached(ArrayBuffer.isView(body) ? body.buffer : body)) {
    throw new TypeError('"request.body" is a detached buffer (transferred to a worker or closed): its bytes are gone');
  }
}

export function receive(request: VerifyRequest): Received {
  if (request === null || typeof request !== "object") throw new TypeError(`"request" must be an object; got ${describe(request)}`);
  if (typeof request.method !== "string") throw new TypeError(`"request.method" must be a string; got ${describe(request.method)}`);
  checkBody(request);
  const { target, authority } = splitTarget(request.url);
  const headers = headerPairs(request.headers);
  if (authority !== undefined && authority !== "" && !headers.some(([name]) => name === HOST)) headers.push([HOST, authority]);
  const q = target.indexOf("?");
  const query = q < 0 ? "" : target.slice(q + 1);
  let hash: string | undefined;
  return {
    method: request.method,
    path: q < 0 ? target : target.slice(0, q),
    query,
    headers,
    ...queryParams(query),
    bodyHash: () => (hash ??= request.payloadHash ?? hashBody(request.body)),
  };
}

/** Every value of a header, without the whitespace around it (RFC 9110 §5.5), joined with ',' as a repeated header is (undefined when absent). */
export function headerValue(received: Received, name: string): string | undefined {
  let value: string | undefined;
  for (const [n, v] of received.headers) if (n === name) value = value === undefined ? v.trim() : value + "," + v.trim();
  return value;
}

/** The query without the parameters named (lower-case): a presigned request did not sign its X-Amz-Signature. */
export function queryWithout(query: string, names: readonly string[]): string {
  return query
    .split("&")
    .filter((part) => !names.includes(paramName(part)))
    .join("&");
}
