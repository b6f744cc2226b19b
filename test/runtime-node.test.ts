// Node hosts that take something away: a bare vm realm (no crypto, require, TextEncoder, atob,
// Buffer, URL), a realm that forbids compiling WebAssembly, a worker without globalThis.crypto, a
// process without the WebCrypto global, a loader that forbids importing node:crypto, and
// --jitless (no WebAssembly at all). Each must print the KMS example's signature as computed in
// this process (and checked against node:crypto).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import vm from "node:vm";
import { Worker } from "node:worker_threads";
import { describe, it, expect, beforeAll } from "vitest";
import { buildScriptBundle } from "../scripts/build-script-bundle.mjs";
import { expectedKmsSignature, kmsScriptExpression, PROBED_GLOBALS, type RuntimeReport } from "./fixtures/runtimes/kms.js";

const root = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url));
const FIXTURE = root("test/fixtures/runtimes/sign-kms.mjs");
const FORBID_CRYPTO = root("test/fixtures/runtimes/forbid-crypto.mjs");
const MAIN = root("dist/index.js");
const PORTABLE = root("dist/portable.js");

let expected: string;

/** A built file the test needs; a missing one fails the test with the command that builds it. */
function built(file: string): string {
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build (the test command builds dist/)`);
  return file;
}

// Script bundles built from the sources in memory (what the build script would write), once each.
const bundles = new Map<string, Promise<string>>();
function scriptBundle(entry: string): Promise<string> {
  if (!existsSync(root(entry))) throw new Error(`the entry ${entry} is missing`);
  if (!bundles.has(entry)) bundles.set(entry, buildScriptBundle({ entry }));
  return bundles.get(entry) as Promise<string>;
}

beforeAll(() => {
  expected = expectedKmsSignature();
});

/** Runs `node [flags] sign-kms.mjs entry` and parses the line of JSON it prints. */
function runNode(flags: string[], entry: string): { report: Partial<RuntimeReport> & { error?: string }; stderr: string } {
  const run = spawnSync(process.execPath, [...flags, FIXTURE, built(entry)], { encoding: "utf8", timeout: 30_000 });
  if (run.error) throw run.error;
  expect(run.status, run.stderr).toBe(0);
  return { report: JSON.parse(run.stdout), stderr: run.stderr };
}

/** Loads a script bundle into a fresh realm and signs there. */
function signInRealm(script: string, context: vm.Context, before = ""): RuntimeReport {
  vm.runInContext(script, context);
  return JSON.parse(vm.runInContext(`${before}\n${kmsScriptExpression()}`, context));
}

describe("a bare vm realm (ECMAScript builtins and WebAssembly only)", () => {
  it.each([
    ["main", "bindings/index.ts"],
    ["portable", "bindings/portable.ts"],
  ])("has none of the host facilities, and the %s entry's script bundle signs the KMS example", async (_name, entry) => {
    const report = signInRealm(await scriptBundle(entry), vm.createContext({}));
    for (const name of PROBED_GLOBALS.filter((n) => n !== "WebAssembly")) expect(report.globals[name], name).toBe("undefined");
    expect(report.globals.WebAssembly).toBe("object");
    expect(report.signature).toBe(expected);
  });
});

describe("the script bundle after lowering to ES5", () => {
  // Classes become functions; a lowered `class extends Error` returns the Error that Error() made,
  // which is not an instance of the subclass unless the constructor repairs the prototype.
  it("keeps SigningError a class that instanceof recognises", async () => {
    const context = vm.createContext({});
    vm.runInContext(await scriptBundle("bindings/portable.ts"), context);
    const probe = `(function () {
      try { SigV4.sign({ url: "not a url" }, { credentials: { accessKeyId: "a", secretAccessKey: "b" }, region: "r", service: "s" }); }
      catch (e) { return JSON.stringify({ instance: e instanceof SigV4.SigningError, name: e.name, code: e.code }); }
    })()`;
    expect(JSON.parse(vm.runInContext(probe, context))).toEqual({ instance: true, name: "SigningError", code: "InvalidUrl" });
  });
});

describe("a vm realm with WebAssembly code generation disallowed (what workerd does)", () => {
  const forbidding = (): vm.Context => vm.createContext({}, { codeGeneration: { strings: false, wasm: false } });

  it("refuses to compile the embedded core: the main entry cannot sign by itself", async () => {
    const main = await scriptBundle("bindings/index.ts");
    expect(() => signInRealm(main, forbidding())).toThrow(/disallowed by embedder/);
  });

  it("signs with a module compiled outside the realm and passed to useCore", async () => {
    const main = await scriptBundle("bindings/index.ts");
    const context = forbidding();
    context.precompiled = new WebAssembly.Module(readFileSync(root("build/release/core.wasm")));
    const report = signInRealm(main, context, "SigV4.useCore(precompiled);");
    expect(report.signature).toBe(expected);
  });

  it("the portable script bundle falls back to the JavaScript core and signs", async () => {
    expect(signInRealm(await scriptBundle("bindings/portable.ts"), forbidding()).signature).toBe(expected);
  });
});

describe("Node without crypto", () => {
  it("a worker_threads worker with globalThis.crypto deleted signs", async () => {
    const code = `
      const { parentPort, workerData } = require("node:worker_threads");
      delete globalThis.crypto;
      import(workerData.entry).then(
        (lib) => parentPort.postMessage({ signature: lib.sign(workerData.kms.request, workerData.kms.options).signature, crypto: typeof crypto }),
        (error) => parentPort.postMessage({ error: String(error) }),
      );`;
    const kms = JSON.parse(readFileSync(root("test/fixtures/runtimes/kms.json"), "utf8"));
    const worker = new Worker(code, { eval: true, workerData: { entry: pathToFileURL(built(MAIN)).href, kms } });
    try {
      const message = await new Promise<{ signature?: string; crypto?: string; error?: string }>((resolve, reject) => {
        worker.once("message", resolve);
        worker.once("error", reject);
      });
      expect(message.error).toBeUndefined();
      expect(message.crypto).toBe("undefined");
      expect(message.signature).toBe(expected);
    } finally {
      await worker.terminate();
    }
  });

  it("node --no-experimental-global-webcrypto signs", () => {
    const { report } = runNode(["--no-experimental-global-webcrypto"], MAIN);
    expect(report.globals?.crypto).toBe("undefined");
    expect(report.signature).toBe(expected);
  });

  it("a loader that forbids node:crypto stops a script that imports it", () => {
    const run = spawnSync(process.execPath, ["--import", FORBID_CRYPTO, "--input-type=module", "-e", 'import "node:crypto";'], { encoding: "utf8", timeout: 30_000 });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("forbidden import of node:crypto");
  });

  it.each([
    ["main", MAIN],
    ["portable", PORTABLE],
  ])("under that loader, without the WebCrypto global either, the %s entry signs", (_name, entry) => {
    const { report } = runNode(["--import", FORBID_CRYPTO, "--no-experimental-global-webcrypto"], entry);
    expect(report.error).toBeUndefined();
    expect(report.globals?.crypto).toBe("undefined");
    expect(report.signature).toBe(expected);
  });
});

describe("node --jitless (no WebAssembly)", () => {
  it("the default entry (dist/portable.js) signs with the JavaScript core", () => {
    const { report } = runNode(["--jitless"], PORTABLE);
    expect(report.globals?.WebAssembly).toBe("undefined");
    expect(report.error).toBeUndefined();
    expect(report.signature).toBe(expected);
  });

  it("the WebAssembly-only entry (dist/index.js) throws an error that names the default entry", () => {
    const { report } = runNode(["--jitless"], MAIN);
    expect(report.signature).toBeUndefined();
    expect(report.error).toMatch(/WebAssembly/);
    expect(report.error).toMatch(/import "sigv4-wasm" \(its default entry/);
  });
});
