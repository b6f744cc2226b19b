// A loopback HTTP server for tests and local AWS mocks: every request is verified with
// verifyAsync before anything else; a refused one gets the error body its service would send, an
// accepted one goes to the caller's handler. It listens on 127.0.0.1 only. Headers are read from
// rawHeaders, so repeated headers reach the verifier one by one (node's joined form, "a, b",
// is not what the client signed: SigV4 joins repeated values with "," alone).

import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { verifyAsync } from "../verify/verify.js";
import type { GetCredentialsAsync, VerifyCredentials, VerifyOptions, VerifyResult, VerifySuccess } from "../verify/types.js";
import { errorResponse } from "./error-response.js";

/** A request that passed verification, with its body. */
export interface VerifiedRequest {
  method: string;
  /** The request target as received. */
  url: string;
  headers: [string, string][];
  body: Uint8Array;
  result: VerifySuccess;
}

export type VerifiedHandler = (request: VerifiedRequest, response: ServerResponse) => void | Promise<void>;

export interface VerifyServerOptions extends Omit<VerifyOptions<GetCredentialsAsync>, "getCredentials"> {
  /** The access keys the server knows: access key id → secret (and session token), or a lookup. */
  credentials: Record<string, VerifyCredentials> | GetCredentialsAsync;
  /** Answers verified requests. Default: 200 with the verification result as JSON. */
  handler?: VerifiedHandler;
  /** Port on 127.0.0.1. Default 0: a free port chosen by the system. */
  port?: number;
  /** Bodies longer than this are refused with 413 before verification. Default 64 MiB. */
  maxBodyBytes?: number;
}

/** One request as the server saw it, with its verification result (for tests to inspect). */
export interface ServedRequest {
  method: string;
  url: string;
  result: VerifyResult;
}

export interface VerifyServer {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  requests: ServedRequest[];
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY = 64 * 1024 * 1024;

function lookup(credentials: VerifyServerOptions["credentials"]): GetCredentialsAsync {
  if (typeof credentials === "function") return credentials;
  return (id) => (Object.prototype.hasOwnProperty.call(credentials, id) ? credentials[id] : undefined);
}

function pairs(raw: readonly string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i], raw[i + 1]]);
  return out;
}

function readBody(req: IncomingMessage, max: number): Promise<Uint8Array | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) chunks.push(chunk);
    });
    req.on("end", () => resolve(size > max ? undefined : new Uint8Array(Buffer.concat(chunks))));
    req.on("error", reject);
  });
}

function defaultHandler(request: VerifiedRequest, response: ServerResponse): void {
  response.writeHead(200, { "content-type": "application/json" });
  response.end(JSON.stringify(request.result));
}

interface Context {
  verifyOptions: VerifyOptions<GetCredentialsAsync>;
  handler: VerifiedHandler;
  maxBodyBytes: number;
  log: ServedRequest[];
}

async function serve(req: IncomingMessage, res: ServerResponse, { verifyOptions, handler, maxBodyBytes, log }: Context): Promise<void> {
  const body = await readBody(req, maxBodyBytes);
  if (body === undefined) {
    res.writeHead(413).end();
    return;
  }
  const method = req.method ?? "GET";
  const url = req.url ?? "/";
  const headers = pairs(req.rawHeaders);
  const result = await verifyAsync({ method, url, headers, body }, verifyOptions);
  log.push({ method, url, result });
  if (!result.ok) {
    const error = errorResponse(result, req.headers["content-type"], randomUUID());
    res.writeHead(error.status, error.headers).end(error.body);
    return;
  }
  await handler({ method, url, headers, body, result }, res);
}

/** Starts the server; resolves once it listens. */
export function startVerifyServer(options: VerifyServerOptions): Promise<VerifyServer> {
  const requests: ServedRequest[] = [];
  // Every verify option passes through; only the server's own settings are taken out.
  const { credentials, handler, port: requestedPort, maxBodyBytes, ...verifyOptions } = options;
  const context: Context = {
    verifyOptions: { ...verifyOptions, getCredentials: lookup(credentials) },
    handler: handler ?? defaultHandler,
    maxBodyBytes: maxBodyBytes ?? DEFAULT_MAX_BODY,
    log: requests,
  };
  const server = createServer((req, res) => {
    serve(req, res, context).catch(() => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end("verify server: the handler failed\n");
    });
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(requestedPort ?? 0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        port,
        requests,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
