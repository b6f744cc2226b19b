// Locates ../shared (the AWS test suites). Where it is missing, suite tests skip with a reason;
// under CI=true they fail instead, so a missing suite can never pass silently.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, it } from "vitest";

export const SHARED = fileURLToPath(new URL("../../shared/", import.meta.url));

/** describe() when `dir` (relative to ../shared) exists; otherwise a skip, or a failure under CI. */
export function describeShared(dir: string, name: string, body: () => void): void {
  if (existsSync(SHARED + dir)) {
    describe(name, body);
  } else if (process.env.CI === "true") {
    describe(name, () => {
      it(`needs ../shared/${dir}`, () => {
        throw new Error(`../shared/${dir} is missing; CI must run with shared/ beside the checkout`);
      });
    });
  } else {
    // The body reads the suite while collecting, so it is not run at all: one skipped test says why.
    describe(name, () => {
      it.skip(`skipped: ../shared/${dir} is not beside this checkout (the AWS test suites live there)`, () => {});
    });
  }
}
