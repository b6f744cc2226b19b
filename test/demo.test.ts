// The main job (npm start): the demo prints every stage, and what it prints is self-consistent
// with an independent node:crypto computation.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, it, expect } from "vitest";
import { nodeSignature } from "./oracle.js";

describe("npm start demo", () => {
  it("signs the KMS example and prints stages that node:crypto reproduces", () => {
    expect(existsSync("dist/index.js"), "dist/ is built by the test command").toBe(true);
    const run = spawnSync(process.execPath, ["examples/demo.mjs"], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const section = (n: number): string => run.stdout.split(new RegExp(`── ${n}\\. [^\\n]*\\n`))[1].split("\n\n── ")[0].trim();
    const canonicalRequest = section(3);
    const signature = section(6);
    expect(canonicalRequest.split("\n")[0]).toBe("POST");
    expect(signature).toBe(nodeSignature(canonicalRequest, "20150830T123600Z", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "us-west-2", "kms"));
    expect(section(8)).toContain(`Signature=${signature}`);
    expect(section(8).startsWith("curl")).toBe(true);
    expect(section(9)).toMatch(/as sent: +accepted \(AKIDEXAMPLE, us-west-2\/kms, payload signed\)/);
    expect(section(9)).toContain("body changed after signing: refused: 403 SignatureDoesNotMatch");
  });
});
