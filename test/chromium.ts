// Headless Chromium (Debian's package, driven by playwright-core) and the static server the
// browser tests load pages from. A missing or broken Chromium fails the tests: it never skips them.
import { chromium, type Browser, type Page } from "playwright-core";
import type { Server } from "node:http";
import { existsSync } from "node:fs";
import { serveStatic } from "../scripts/workbench.mjs";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

/**
 * Without the background-networking flags Chromium keeps dialling Google services, which a closed
 * network refuses; --no-sandbox because the tests may run as root, where the sandbox cannot start.
 */
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Launches Chromium with a fresh profile (playwright-core creates and removes it). */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  try {
    return await chromium.launch({ executablePath: CHROMIUM, args: [...FLAGS, ...extraArgs] });
  } catch (error) {
    const found = existsSync(CHROMIUM) ? "failed to start" : "is missing";
    const cause = String((error as Error).message ?? error).split("\n").slice(0, 6).join("\n");
    throw new Error(
      `Chromium at ${CHROMIUM} ${found}. Install Debian's chromium package (apt-get install chromium), ` +
        `as .ci/run does, or set CHROMIUM to another Chromium binary.\n${cause}`,
    );
  }
}

/**
 * One browser for a test file, launched by the first test that asks for it. Launching inside the
 * tests (not in beforeAll) makes a Chromium that cannot start fail each of them, where a failing
 * hook would only mark them skipped.
 */
export function sharedBrowser(extraArgs: string[] = []): { get: () => Promise<Browser>; close: () => Promise<void> } {
  let launched: Promise<Browser> | undefined;
  return {
    get: () => (launched ??= launchChromium(extraArgs)),
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
