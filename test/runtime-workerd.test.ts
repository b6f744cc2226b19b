// The `workerd` entry (dist/workerd.js) under Cloudflare's runtime, the npm workerd binary, served
// on 127.0.0.1: workerd compiles dist/core-simd.wasm when it loads the Worker and refuses any compiling
// at run time, which is exactly what this entry is for. The Worker signs the KMS example; the
// signature must equal the one computed in this process.
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, posix } from "node:path";
import { fileURLToPath } from "node:url";
import workerd, { compatibilityDate } from "workerd";
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { expectedKmsSignature, KMS_JSON } from "./fixtures/runtimes/kms.js";

const root = (path: string): string => fileURLToPath(new URL(`../${path}`, import.meta.url));
const WORKER = root("test/fixtures/runtimes/workerd-worker.js");

let dir: string;
let server: ChildProcess | undefined;

afterAll(() => {
  server?.kill();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

/** dist/workerd.js and every module it reaches through relative imports (paths relative to dist/). */
function moduleGraph(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    const path = root(`dist/${file}`);
    if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build (it also copies the .wasm cores into dist/)`);
    seen.add(file);
    if (!file.endsWith(".js")) return;
    for (const [, spec] of readFileSync(path, "utf8").matchAll(/(?:from|import)\s*"(\.{1,2}\/[^"]+)"/g)) {
      visit(posix.normalize(posix.join(posix.dirname(file), spec)));
    }
  };
  visit(entry);
  return [...seen];
}

/** A workerd config serving one Worker made of the fixture and the package's modules. */
function writeConfig(files: string[]): string {
  const modules = [
    '(name = "worker.js", esModule = embed "worker.js")',
    ...files.map((f) => `(name = "dist/${f}", ${f.endsWith(".wasm") ? "wasm" : "esModule"} = embed "dist/${f}")`),
  ];
  copyFileSync(WORKER, join(dir, "worker.js"));
  for (const f of files) {
    mkdirSync(dirname(join(dir, "dist", f)), { recursive: true });
    copyFileSync(root(`dist/${f}`), join(dir, "dist", f));
  }
  const config = `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [ (name = "main", worker = .signer) ],
  sockets = [ (name = "http", address = "127.0.0.1:0", http = (), service = "main") ],
);
const signer :Workerd.Worker = (
  modules = [
    ${modules.join(",\n    ")}
  ],
  compatibilityDate = "${compatibilityDate}",
);
`;
  writeFileSync(join(dir, "config.capnp"), config);
  return join(dir, "config.capnp");
}

/**
 * Starts workerd and resolves with the port it listens on, read from its control channel (fd 3),
 * which reports {"event":"listen","socket":"http","port":N} once the socket is bound.
 */
function serve(config: string): Promise<number> {
  const binary = workerd;
  const child = spawn(binary, ["serve", config, "--control-fd=3"], { cwd: dir, stdio: ["ignore", "pipe", "pipe", "pipe"] });
  server = child;
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`workerd did not listen within 20 s:\n${output}`)), 20_000);
    let control = "";
    (child.stdio[3] as NodeJS.ReadableStream).on("data", (d: Buffer) => {
      control += d;
      const lines = control.split("\n");
      control = lines.pop() ?? ""; // an incomplete last line waits for the rest
      for (const line of lines) {
        const event = line.trim() === "" ? undefined : JSON.parse(line);
        if (event?.event === "listen" && event.socket === "http") {
          clearTimeout(timer);
          resolve(event.port);
        }
      }
    });
    child.on("error", (e) => reject(new Error(`workerd could not start (${binary}): ${e.message}; npm ci installs the workerd package`)));
    child.on("exit", (code) => reject(new Error(`workerd exited with ${code}:\n${output}`)));
  });
}

describe("Cloudflare workerd (npm workerd) with the workerd export condition's entry", () => {
  let port: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "sigv4-workerd-"));
    port = await serve(writeConfig(moduleGraph("workerd.js")));
  });

  it("imports the SIMD core as a compiled module and signs the KMS example; compiling from bytes is refused", async () => {
    const response = await fetch(`http://127.0.0.1:${port}/`, { method: "POST", body: KMS_JSON });
    expect(response.status).toBe(200);
    const result = (await response.json()) as { signature?: string; error?: string; compileFromBytes: string };
    expect(result.error).toBeUndefined();
    expect(result.compileFromBytes).toMatch(/disallowed by embedder/);
    expect(result.signature).toBe(expectedKmsSignature());
  });
});
