// JavaScript engines without WebAssembly or module loading: Debian's Rhino 1.7.14 (the engine
// family of Apigee's JavaScript policy) and QuickJS (through the npm quickjs-emscripten build).
// Both run the script bundle (dist/sigv4.iife.js, built here from the sources in memory), which
// must fall back to the JavaScript core and print the KMS example's signature as computed in Node.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getQuickJS } from "quickjs-emscripten";
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { buildScriptBundle } from "../scripts/build-script-bundle.mjs";
import { expectedKmsSignature, kmsScriptExpression, type RuntimeReport } from "./fixtures/runtimes/kms.js";

let expected: string;
let bundle: string;
let dir: string;

beforeAll(async () => {
  expected = expectedKmsSignature();
  bundle = await buildScriptBundle();
  dir = mkdtempSync(join(tmpdir(), "sigv4-engines-"));
});

afterAll(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

/** The one line of JSON a host printed, or a failure that shows everything it wrote. */
function parseReport(stdout: string, stderr: string): RuntimeReport {
  const line = stdout.trim().split("\n").pop() ?? "";
  try {
    return JSON.parse(line);
  } catch {
    throw new Error(`no report on stdout.\nstdout: ${stdout}\nstderr: ${stderr}`);
  }
}

function expectNoWebAssembly(report: RuntimeReport): void {
  expect(report.globals.WebAssembly).toBe("undefined");
  expect(report.globals.TextEncoder).toBe("undefined");
  expect(report.globals.crypto).toBe("undefined");
}

describe("Rhino (Debian rhino 1.7.14, the engine of Apigee-style JavaScript policies)", () => {
  /** Runs the bundle and the signing script as one classic script under `rhino <flags>`. */
  function rhino(flags: string[]): RuntimeReport {
    const file = join(dir, "rhino-sign.js");
    writeFileSync(file, `${bundle}\nprint(${kmsScriptExpression()});\n`);
    const run = spawnSync("rhino", [...flags, file], { encoding: "utf8", timeout: 60_000 });
    if (run.error && (run.error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new Error("rhino is not installed: .ci/run must install the Debian package rhino");
    }
    if (run.error) throw run.error;
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    return parseReport(run.stdout, run.stderr);
  }

  // -version 200 is the ES6 language level: below it Rhino has no Map, Symbol or WeakMap.
  it("compiled mode (-version 200): signs the KMS example with the JavaScript core", () => {
    const report = rhino(["-version", "200"]);
    expectNoWebAssembly(report);
    expect(report.signature).toBe(expected);
  });

  it("interpreted mode (-opt -1): the same signature", () => {
    expect(rhino(["-version", "200", "-opt", "-1"]).signature).toBe(expected);
  });
});

describe("QuickJS (npm quickjs-emscripten, sync release variant)", () => {
  it("evaluates the script bundle and signs the KMS example with the JavaScript core", async () => {
    const quickjs = await getQuickJS();
    const context = quickjs.newContext();
    try {
      context.unwrapResult(context.evalCode(bundle, "sigv4.iife.js")).dispose();
      const handle = context.unwrapResult(context.evalCode(kmsScriptExpression(), "sign-kms.js"));
      const report: RuntimeReport = JSON.parse(context.getString(handle));
      handle.dispose();
      expectNoWebAssembly(report);
      expect(report.signature).toBe(expected);
    } finally {
      context.dispose();
    }
  });
});
