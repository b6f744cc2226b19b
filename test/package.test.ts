// The package as npm ships it: `npm pack`, installed offline into a temporary project, then used
// the ways consumers use it (import, require, the sigv4 bin, TypeScript with nodenext and bundler
// resolution, export conditions) and linted by publint and @arethetypeswrong/cli.
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { buildScriptBundle } from "../scripts/build-script-bundle.mjs";
import { expectedKmsSignature, KMS, KMS_PATH } from "./fixtures/runtimes/kms.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = (name: string): string => join(ROOT, "node_modules", ".bin", name);
const TSC = join(ROOT, "node_modules", "typescript", "bin", "tsc");

let work: string;
let tarball: string;
let packed: string[];
let app: string;
let expected: string;

/** Runs a command (in this environment unless `env` replaces it); a non-zero exit fails with everything it printed. */
function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", timeout: 60_000, env });
  if (result.error) throw result.error;
  expect(result.status, `${command} ${args.join(" ")}\n${result.stdout}\n${result.stderr}`).toBe(0);
  return result;
}

const node = (args: string[]): SpawnSyncReturns<string> => run(process.execPath, args, app);

beforeAll(() => {
  expected = expectedKmsSignature();
  work = mkdtempSync(join(tmpdir(), "sigv4-pack-"));
  // --ignore-scripts: prepack would rebuild dist/ while other test files read it; the test command
  // has just built it.
  const pack = run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", work], ROOT);
  const [info] = JSON.parse(pack.stdout) as [{ filename: string; files: { path: string }[] }];
  tarball = join(work, info.filename);
  packed = info.files.map((f) => f.path);
  app = join(work, "app");
  mkdirSync(app);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
  // No dependencies, so the install needs no registry.
  run("npm", ["install", "--offline", "--no-audit", "--no-fund", tarball], app);
});

afterAll(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
});

describe("the tarball", () => {
  it("holds the built entries, the cores, the script bundle and the bin, and no sources", () => {
    for (const file of [
      "package.json", "README.md", "LICENSE",
      "dist/index.js", "dist/index.d.ts", "dist/portable.js", "dist/portable.d.ts", "dist/server.js", "dist/server.d.ts",
      "dist/node-hasher.js", "dist/node-hasher.d.ts",
      "dist/workerd.js", "dist/workerd.d.ts", "dist/core.wasm", "dist/core-simd.wasm", "dist/sigv4.iife.js", "dist/cli/main.js",
    ]) {
      expect(packed, file).toContain(file);
    }
    const stray = packed.filter((f) => /^(assembly|bindings|test|build|scripts|bench|examples)\//.test(f) || (f.endsWith(".ts") && !f.endsWith(".d.ts")));
    expect(stray).toEqual([]);
  });

  it("ships the script bundle and the cores as the current sources build them", async () => {
    const shipped = (file: string): Buffer => readFileSync(join(app, "node_modules", "sigv4-wasm", file));
    expect(shipped("dist/sigv4.iife.js").toString("utf8")).toBe(await buildScriptBundle());
    expect(shipped("dist/core.wasm").equals(readFileSync(join(ROOT, "build/release/core.wasm")))).toBe(true);
    expect(shipped("dist/core-simd.wasm").equals(readFileSync(join(ROOT, "build/simd/core.wasm")))).toBe(true);
  });

  it("declares no runtime dependencies", () => {
    const manifest = JSON.parse(readFileSync(join(app, "node_modules", "sigv4-wasm", "package.json"), "utf8"));
    for (const key of ["dependencies", "peerDependencies", "optionalDependencies"]) expect(manifest[key], key).toBeUndefined();
    const lock = JSON.parse(readFileSync(join(app, "package-lock.json"), "utf8"));
    expect(Object.keys(lock.packages)).toEqual(["", "node_modules/sigv4-wasm"]);
  });
});

describe("consumers", () => {
  const signScript = (load: string): string =>
    `${load}; const kms = JSON.parse(require("node:fs").readFileSync(${JSON.stringify(KMS_PATH)}, "utf8")); console.log(sign(kms.request, kms.options).signature);`;

  it("ESM: import signs the KMS example", () => {
    const code = signScript('import { sign } from "sigv4-wasm"; import { createRequire } from "node:module"; const require = createRequire(import.meta.url)');
    expect(node(["--input-type=module", "-e", code]).stdout.trim()).toBe(expected);
  });

  it("CommonJS: require() of the ES module works unflagged on this Node, with no warning", () => {
    // require(esm) is on by default from Node 20.19 and 22.12; process.features.require_module says so.
    expect((process.features as { require_module?: boolean }).require_module).toBe(true);
    const result = node(["--input-type=commonjs", "-e", signScript('const { sign } = require("sigv4-wasm")')]);
    expect(result.stdout.trim()).toBe(expected);
    expect(result.stderr).toBe("");
  });

  it("the sigv4 bin signs the same request", () => {
    const { request, options } = KMS;
    const headers = Object.entries(request.headers as Record<string, string>).flatMap(([k, v]) => ["-H", `${k}: ${v}`]);
    const args = ["sign", "-X", "POST", ...headers, "--data", request.body as string, "--date", options.date, "--output", "json", request.url as string];
    // Only these credentials: a session token or profile from the outer environment would change the signature.
    const env = { PATH: process.env.PATH, HOME: work, AWS_ACCESS_KEY_ID: options.credentials.accessKeyId, AWS_SECRET_ACCESS_KEY: options.credentials.secretAccessKey };
    const result = run(join(app, "node_modules", ".bin", "sigv4"), args, app, env);
    expect(JSON.parse(result.stdout).signature).toBe(expected);
  });

  it("ships each entry as one module with shared chunks: the entries share one core and one SigningError", () => {
    expect(packed.filter((f) => f.endsWith(".js") && !f.endsWith(".d.js")).some((f) => f === "dist/signer.js" || f === "dist/canonical/uri.js")).toBe(false);
    expect(packed.some((f) => f.startsWith("dist/chunks/") && f.endsWith(".js"))).toBe(true);
    const code = [
      'import * as main from "sigv4-wasm"; import * as wasm from "sigv4-wasm/wasm";',
      'main.useCore("js");',
      "console.log(wasm.coreName(), main.SigningError === wasm.SigningError);",
    ].join("\n");
    expect(node(["--input-type=module", "-e", code]).stdout.trim()).toBe("js true");
  });

  it("keeps the entries' side effects in the entry files that sideEffects lists, and the workerd core beside its entry", () => {
    const shipped = (file: string): string => readFileSync(join(app, "node_modules", "sigv4-wasm", file), "utf8");
    const manifest = JSON.parse(shipped("package.json")) as { sideEffects: string[] };
    expect(manifest.sideEffects).toEqual(["./dist/workerd.js", "./dist/portable.js"]);
    expect(shipped("dist/portable.js")).toMatch(/^registerJsCore\(/m);
    expect(shipped("dist/workerd.js")).toMatch(/^useCore\(/m);
    expect(shipped("dist/workerd.js")).toContain('from "./core-simd.wasm"');
    for (const chunk of packed.filter((f) => f.startsWith("dist/chunks/"))) {
      expect(shipped(chunk), chunk).not.toMatch(/^(registerJsCore|useCore)\(/m);
      expect(shipped(chunk), chunk).not.toContain(".wasm\"");
    }
  });

  it.each([
    ["default", [], "dist/portable.js"],
    ["workerd", ["--conditions=workerd"], "dist/workerd.js"],
    ["react-native", ["--conditions=react-native"], "dist/portable.js"],
  ])("the %s condition resolves the main entry to its file", (_name, flags, file) => {
    const result = node([...flags, "--input-type=module", "-e", 'console.log(import.meta.resolve("sigv4-wasm"))']);
    expect(result.stdout.trim()).toBe(`file://${join(app, "node_modules", "sigv4-wasm", file)}`);
  });

  it.each([
    ["sigv4-wasm/portable", "dist/portable.js"],
    ["sigv4-wasm/wasm", "dist/index.js"],
    ["sigv4-wasm/server", "dist/server.js"],
    ["sigv4-wasm/node", "dist/node-hasher.js"],
    ["sigv4-wasm/core.wasm", "dist/core.wasm"],
    ["sigv4-wasm/core-simd.wasm", "dist/core-simd.wasm"],
    ["sigv4-wasm/sigv4.iife.js", "dist/sigv4.iife.js"],
  ])("%s resolves to %s", (specifier, file) => {
    const result = node(["--input-type=module", "-e", `console.log(import.meta.resolve(${JSON.stringify(specifier)}))`]);
    expect(result.stdout.trim()).toBe(`file://${join(app, "node_modules", "sigv4-wasm", file)}`);
  });
});

describe("TypeScript consumers type-check against the shipped declarations", () => {
  const USE = `
const signed = sign({ method: "POST", url: "https://kms.us-west-2.amazonaws.com/", body: "{}" }, {
  credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" }, region: "us-west-2", service: "kms",
});
export const signature: string = signed.signature;
export const hex: string = sha256Hex("abc");
export const isSigningError = (e: unknown): boolean => e instanceof SigningError;
useCore(new Uint8Array(0));
// @ts-expect-error: region is required, so the declarations must reject this call
sign({ url: "https://example.com/" }, { credentials: { accessKeyId: "a", secretAccessKey: "b" }, service: "s3" });
`;
  const IMPORTS = "sign, sha256Hex, useCore, SigningError";

  /** Writes the files and a tsconfig into a fresh directory of the app and runs tsc --noEmit there. */
  function typeCheck(name: string, compilerOptions: object, files: Record<string, string>): void {
    const dir = join(app, name);
    mkdirSync(dir);
    for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
    // Our .d.ts files are checked (skipLibCheck off); the default lib files are not, which saves seconds.
    const options = { strict: true, noEmit: true, skipLibCheck: false, skipDefaultLibCheck: true, lib: ["ES2022", "DOM"], types: [], ...compilerOptions };
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: options, include: ["*.ts", "*.mts", "*.cts"] }));
    run(process.execPath, [TSC, "-p", dir], dir);
  }

  it("moduleResolution nodenext: an ES module and a CommonJS module (require of the ES package)", () => {
    typeCheck("ts-nodenext", { module: "nodenext", moduleResolution: "nodenext" }, {
      "esm.mts": `import { ${IMPORTS} } from "sigv4-wasm";\nimport { useCore as portableUseCore } from "sigv4-wasm/portable";\nportableUseCore;\n${USE}`,
      "cjs.cts": `import sigv4 = require("sigv4-wasm");\nconst { ${IMPORTS} } = sigv4;\n${USE}`,
    });
  });

  it("moduleResolution bundler", () => {
    typeCheck("ts-bundler", { module: "esnext", moduleResolution: "bundler" }, {
      "app.ts": `import { ${IMPORTS} } from "sigv4-wasm";\nimport * as portable from "sigv4-wasm/portable";\nportable.sign;\n${USE}`,
    });
  });
});

describe("linters", () => {
  it("publint --strict finds nothing in the tarball", () => {
    const result = run(BIN("publint"), ["run", tarball, "--strict"], work);
    expect(result.stdout).toContain("All good!");
  });

  it("@arethetypeswrong/cli (esm-only profile) finds no problem in the tarball", () => {
    // The .wasm files and the classic script have no types by nature; esm-only ignores node10 and require-from-CJS.
    run(BIN("attw"), [tarball, "--profile", "esm-only", "--exclude-entrypoints", "./core.wasm", "./core-simd.wasm", "./sigv4.iife.js"], work);
  });
});
