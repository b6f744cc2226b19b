// The release core run outside any JavaScript engine, by the WebAssembly reference-style interpreter
// of Debian's wabt (wast2json + spectest-interp). spectest-interp can only invoke exports with
// constants, so the script instantiates small helper modules that import the core's memory and its
// region addresses (exported immutable globals): their data segments write the input bytes where
// the core expects them, and a reader module returns the output as i32 words for assert_return.
// Expected words come from node:crypto in this process.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { sign } from "../bindings/index.js";
import { nodeSignature } from "./oracle.js";
import { KMS } from "./fixtures/runtimes/kms.js";

const root = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url));

// Every build of the core that exists must pass; the release build always exists after npm run build.
const CORES = [
  ["release", "build/release/core.wasm"],
  ["simd", "build/simd/core.wasm"],
].filter(([name, path]) => name === "release" || existsSync(root(path)));

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "sigv4-wabt-"));
});

afterAll(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

/** Bytes as a WebAssembly text string literal, every byte escaped. */
function wasmString(bytes: Uint8Array | string): string {
  const data = typeof bytes === "string" ? Buffer.from(bytes, "utf8") : bytes;
  return `"${Array.from(data, (b) => `\\${b.toString(16).padStart(2, "0")}`).join("")}"`;
}

/** A module whose instantiation writes each [region export, bytes] into the core's memory. */
function writer(regions: [string, Uint8Array | string][]): string {
  const imports = regions.map(([region], i) => `  (import "core" "${region}" (global $r${i} i32))`);
  const data = regions.map(([, bytes], i) => `  (data (global.get $r${i}) ${wasmString(bytes)})`);
  return ["(module", '  (import "core" "memory" (memory 1))', ...imports, ...data, ")"].join("\n");
}

/** Exports `word(region, i)` readers: the i-th little-endian i32 of DIGEST and of SIGNATURE. */
const READER = `(module $read
  (import "core" "memory" (memory 1))
  (import "core" "DIGEST" (global $digest i32))
  (import "core" "SIGNATURE" (global $signature i32))
  (func (export "digest") (param i32) (result i32)
    (i32.load (i32.add (global.get $digest) (i32.shl (local.get 0) (i32.const 2)))))
  (func (export "signature") (param i32) (result i32)
    (i32.load (i32.add (global.get $signature) (i32.shl (local.get 0) (i32.const 2))))))`;

/** assert_return commands checking `bytes` word by word through the reader's `fn`. */
function expectWords(fn: string, bytes: Buffer): string[] {
  const words: string[] = [];
  for (let i = 0; i < bytes.length; i += 4) {
    words.push(`(assert_return (invoke $read "${fn}" (i32.const ${i / 4})) (i32.const ${bytes.readInt32LE(i)}))`);
  }
  return words;
}

/** SHA-256("abc") through the core's `hash` export. */
function hashScript(): string[] {
  return [writer([["INPUT", "abc"]]), '(invoke $core "hash" (i32.const 3))', ...expectWords("digest", createHash("sha256").update("abc").digest())];
}

/** The KMS example: deriveSigningKey, then sign over the canonical request, against node:crypto. */
function signatureScript(): string[] {
  const { credentials, region, service, date } = KMS.options;
  const canonicalRequest = sign(KMS.request, KMS.options).canonicalRequest;
  const scope = `${date.slice(0, 8)}/${region}/${service}/aws4_request`;
  const prefix = `AWS4-HMAC-SHA256\n${date}\n${scope}\n`;
  const fields = [`AWS4${credentials.secretAccessKey}`, date.slice(0, 8), region, service, "aws4_request"];
  const lengths = fields.map((f) => `(i32.const ${Buffer.byteLength(f)})`).join(" ");
  const expected = nodeSignature(canonicalRequest, date, credentials.secretAccessKey, region, service);
  return [
    writer([["INPUT", fields.join("")]]),
    `(invoke $core "deriveSigningKey" ${lengths} (i32.const 0))`,
    writer([
      ["INPUT", canonicalRequest],
      ["STS", prefix],
    ]),
    `(invoke $core "sign" (i32.const ${Buffer.byteLength(canonicalRequest)}) (i32.const ${Buffer.byteLength(prefix)}))`,
    ...expectWords("signature", Buffer.from(expected, "latin1")),
  ];
}

/** Runs a command; a missing wabt fails with the package to install. */
function tool(command: string, args: string[]): { stdout: string; stderr: string } {
  const run = spawnSync(command, args, { encoding: "utf8", timeout: 60_000, cwd: dir });
  if (run.error && (run.error as NodeJS.ErrnoException).code === "ENOENT") {
    throw new Error(`${command} is not installed: .ci/run must install the Debian package wabt`);
  }
  if (run.error) throw run.error;
  expect(run.status, `${command} ${args.join(" ")}\n${run.stdout}\n${run.stderr}`).toBe(0);
  return { stdout: run.stdout, stderr: run.stderr };
}

describe.each(CORES)("the %s core under wabt's spectest-interp", (name, path) => {
  it("has no imports (wasm2wat)", () => {
    const wat = tool("wasm2wat", [root(path)]).stdout;
    expect(wat).toMatch(/\(export "sign"/);
    expect(wat).not.toMatch(/\(import /);
  });

  it("hashes \"abc\" and signs the KMS example as node:crypto does", () => {
    const core = readFileSync(root(path));
    const script = [`(module $core binary ${wasmString(core)})`, '(register "core" $core)', READER, ...hashScript(), ...signatureScript()];
    writeFileSync(join(dir, `${name}.wast`), script.join("\n") + "\n");
    tool("wast2json", [`${name}.wast`, "-o", `${name}.json`]);
    const { stdout } = tool("spectest-interp", [`${name}.json`]);
    // spectest-interp counts every command but `register` (modules, invokes, asserts) as a test.
    const commands = script.length - 1;
    expect(script.filter((line) => line.startsWith("(assert_return")).length).toBe(8 + 16);
    expect(stdout).toMatch(new RegExp(`^${commands}/${commands} tests passed\\.$`, "m"));
  });
});
