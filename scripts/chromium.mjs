// Headless Chromium (Debian's package, driven by playwright-core), as the browser tests and the
// browser bench suite start it. A missing or broken Chromium is an error that says how to install
// one: nothing that needs a browser silently does without.
import { chromium } from "playwright-core";
import { existsSync } from "node:fs";

/** Debian's Chromium, or the binary CHROMIUM names. */
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

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
export async function launchChromium(extraArgs = []) {
  try {
    return await chromium.launch({ executablePath: CHROMIUM, args: [...FLAGS, ...extraArgs] });
  } catch (error) {
    const found = existsSync(CHROMIUM) ? "failed to start" : "is missing";
    const cause = String(error?.message ?? error).split("\n").slice(0, 6).join("\n");
    throw new Error(
      `Chromium at ${CHROMIUM} ${found}. Install Debian's chromium package (apt-get install chromium), ` +
        `as .ci/run does, or set CHROMIUM to another Chromium binary.\n${cause}`,
    );
  }
}
