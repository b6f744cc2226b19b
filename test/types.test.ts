// The tests themselves type-check against the library's sources (test/tsconfig.json): a test that
// calls a function with arguments it no longer takes fails here, by name, not at run time.
import { describe, it, expect } from "vitest";
import { spawnSync } from "node:child_process";

describe("test sources", () => {
  it("type-check with tsc against bindings/ (strict)", () => {
    const run = spawnSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "test/tsconfig.json"], { encoding: "utf8" });
    expect(run.stdout + run.stderr).toBe("");
    expect(run.status).toBe(0);
  }, 120_000);
});
