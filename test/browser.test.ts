// The built library in a real browser: headless Chromium loads dist/index.js as a plain ES module
// and signs, presigns and hashes; every result must equal what the same calls give in Node.
// Twice: on 127.0.0.1 (a secure context) and on http://insecure.test, where the page has no
// crypto.subtle at all, which is the case this library exists for.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import type { Server } from "node:http";
import * as lib from "../dist/index.js";
import { run } from "./fixtures/browser/scenario.js";
import { sharedBrowser, serveRepo, closeServer, collectPageErrors } from "./chromium.js";

const PAGE = "/test/fixtures/browser/index.html";
// Chromium resolves this name to 127.0.0.1 itself; any http origin that is not loopback is insecure.
const INSECURE_HOST = "insecure.test";

const browser = sharedBrowser([`--host-resolver-rules=MAP ${INSECURE_HOST} 127.0.0.1`]);
let server: Server | undefined;
let port = 0;

beforeAll(async () => {
  ({ server, port } = await serveRepo(["/dist/", "/test/fixtures/browser/"]));
});

afterAll(async () => {
  await browser.close();
  await closeServer(server);
});

interface PageRun {
  isSecureContext: boolean;
  subtle: string;
  result: { ok?: ReturnType<typeof run>; error?: string };
}

/** Opens the page on `origin` and returns what the scenario gave there, with the page's context. */
async function runInPage(origin: string): Promise<PageRun> {
  const context = await (await browser.get()).newContext();
  try {
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(origin + PAGE);
    try {
      await page.waitForFunction(() => "sigv4Result" in window, undefined, { timeout: 10_000 });
    } catch {
      throw new Error(`the page never finished its scenario on ${origin}:\n${errors.join("\n")}`);
    }
    return await page.evaluate(() => ({
      isSecureContext: window.isSecureContext,
      subtle: typeof crypto.subtle,
      result: (window as unknown as { sigv4Result: PageRun["result"] }).sigv4Result,
    }));
  } finally {
    await context.close();
  }
}

describe("in Chromium", () => {
  // Computed here, by the same build in Node: the page must agree on every stage.
  const expected = () => run(lib);

  it("a secure origin (127.0.0.1) signs, presigns and hashes exactly as Node does", async () => {
    const page = await runInPage(`http://127.0.0.1:${port}`);
    expect(page.isSecureContext).toBe(true);
    expect(page.subtle).toBe("object");
    expect(page.result.error).toBeUndefined();
    expect(page.result.ok).toEqual(expected());
  });

  it("an insecure origin, without crypto.subtle, signs, presigns and hashes exactly as Node does", async () => {
    const page = await runInPage(`http://${INSECURE_HOST}:${port}`);
    expect(page.isSecureContext).toBe(false);
    expect(page.subtle).toBe("undefined");
    expect(page.result.error).toBeUndefined();
    expect(page.result.ok).toEqual(expected());
  });

  it("the scenario's results are real signatures, not empty agreement", () => {
    const r = expected();
    expect(r.sign.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(r.sign.authorization).toContain(`Signature=${r.sign.signature}`);
    expect(r.presign.url).toContain(`X-Amz-Signature=${r.presign.signature}`);
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
