// The browser tests' Chromium (started by scripts/chromium.mjs, which the browser bench shares) and
// the static server the tests load pages from.
import type { Browser, Page } from "playwright-core";
import type { Server } from "node:http";
import { serveStatic } from "../scripts/workbench.mjs";
import { launchChromium } from "../scripts/chromium.mjs";

/**
 * One browser for a test file, launched by the first test that asks for it. Launching inside the
 * tests (not in beforeAll) makes a Chromium that cannot start fail each of them, where a failing
 * hook would only mark them skipped.
 */
export function sharedBrowser(extraArgs: string[] = []): { get: () => Promise<Browser>; close: () => Promise<void> } {
  let launched: Promise<Browser> | undefined;
  return {
    get: () => (launched ??= launchChromium(extraArgs) as Promise<Browser>),
    close: async () => {
      const browser = await launched?.catch(() => undefined);
      await browser?.close();
    },
  };
}

/** Serves the repository's files under `prefixes` on 127.0.0.1, a free port. */
export async function serveRepo(prefixes: string[]): Promise<{ server: Server; port: number }> {
  const server: Server = await serveStatic({ prefixes });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the static server has no TCP port");
  return { server, port: address.port };
}

/** Closes a server, including the keep-alive connections a browser leaves open. */
export function closeServer(server: Server | undefined): Promise<void> {
  if (server === undefined) return Promise.resolve();
  return new Promise((done) => {
    server.close(() => done());
    server.closeAllConnections();
  });
}

/** Uncaught page errors and console errors, so a failing test can say what the page saw. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  page.on("requestfailed", (request) => errors.push(`requestfailed: ${request.url()} ${request.failure()?.errorText ?? ""}`));
  return errors;
}
