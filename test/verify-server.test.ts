// The verifying server passes every verify option through (here normalizePath), not only some.
import { describe, it, expect } from "vitest";
import { request as httpRequest } from "node:http";
import { startVerifyServer } from "../bindings/server.js";
import { errorResponse } from "../bindings/server/error-response.js";
import { sign } from "../bindings/index.js";

const KEY = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };

function send(url: string, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url + path, { method: "GET", path, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("startVerifyServer options", () => {
  it("verifies with normalizePath: false when told to, and refuses the same request by default", async () => {
    const path = "/a/./b//c";
    const statuses: number[] = [];
    for (const normalizePath of [false, undefined]) {
      const server = await startVerifyServer({ credentials: { [KEY.accessKeyId]: { secretAccessKey: KEY.secretAccessKey } }, ...(normalizePath === undefined ? {} : { normalizePath }) });
      try {
        const signed = sign({ url: server.url, path }, { credentials: KEY, region: "us-east-1", service: "execute-api", normalizePath: false });
        const { host: _host, ...headers } = signed.headers;
        statuses.push(await send(server.url, path, { ...headers, host: new URL(server.url).host }));
      } finally {
        await server.close();
      }
    }
    expect(statuses).toEqual([200, 403]);
  });
});

describe("error bodies", () => {
  it("carry a client's text as XML 1.0 can: forbidden characters become U+FFFD, the rest is escaped or kept", () => {
    const failure = { ok: false as const, status: 400, code: "AuthorizationQueryParametersError" as const, style: "s3" as const, message: "a\x00b\x01c\x0bd\ufffe e\ud800f\udc00g\tLF\nCR\r😀 <&>" };
    const body = errorResponse(failure, undefined, "id").body;
    expect(body).toContain("<Message>a\ufffdb\ufffdc\ufffdd\ufffd e\ufffdf\ufffdg\tLF\nCR\r😀 &lt;&amp;&gt;</Message>");
    expect(body).not.toMatch(/[\x00-\x08\x0b\x0c\x0e-\x1f]/);
  });
});
