// Which core runs without a useCore() call: SIMD where the engine validates WebAssembly SIMD,
// scalar where it does not; where WebAssembly is missing or refuses to compile, a clear error from
// the WebAssembly-only entry and the JavaScript core from the default entry. Each case loads a fresh copy of
// the library (no core chosen yet) and swaps globalThis.WebAssembly, which the loader reads when it
// makes a core. Also: the generated files are what their generators write today.
import { spawnSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { describe, it, expect, vi } from "vitest";
import { embeddedCore } from "../bindings/wasm/embedded.js";
import { SIMD_PROBE } from "../bindings/wasm/instance.js";

const ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"; // FIPS 180-4 example "abc"
const realWasm = WebAssembly;
const simdBytes = embeddedCore("simd");

type Library = typeof import("../bindings/portable.js");
type Loader = typeof import("../bindings/wasm/instance.js");

/** A fresh copy of the main or the portable entry, with its own loader state. */
async function fresh(entry: "main" | "portable"): Promise<{ lib: Library; loader: Loader }> {
  vi.resetModules();
  const lib = entry === "main" ? await import("../bindings/index.js") : await import("../bindings/portable.js");
  return { lib, loader: await import("../bindings/wasm/instance.js") };
}

/** Runs `body` with globalThis.WebAssembly replaced (undefined: deleted), restoring it after. */
function withWebAssembly<T>(replacement: typeof WebAssembly | undefined, body: () => T): T {
  const global = globalThis as { WebAssembly?: typeof WebAssembly };
  if (replacement === undefined) delete global.WebAssembly;
  else global.WebAssembly = replacement;
  try {
    return body();
  } finally {
    global.WebAssembly = realWasm;
  }
}

const isSimdCore = (bytes: BufferSource): boolean => Buffer.compare(Buffer.from(bytes as Uint8Array), simdBytes) === 0;
const isSimd = (bytes: BufferSource): boolean => isSimdCore(bytes) || Buffer.compare(Buffer.from(bytes as Uint8Array), SIMD_PROBE) === 0;

/** WebAssembly.Module that refuses the SIMD core, as an engine without (full) SIMD does. */
const moduleWithoutSimdCore = {
  value: function Module(bytes: BufferSource) {
    if (isSimdCore(bytes)) throw new realWasm.CompileError("WebAssembly.Module(): invalid simd opcode");
    return new realWasm.Module(bytes);
  },
};

/** WebAssembly as in an engine without SIMD: no SIMD module (the loader's probe, the SIMD core) validates or compiles. */
const withoutSimd = Object.create(realWasm, {
  validate: { value: (bytes: BufferSource) => !isSimd(bytes) && realWasm.validate(bytes) },
  Module: moduleWithoutSimdCore,
}) as typeof WebAssembly;

/** WebAssembly whose SIMD passes the loader's probe but does not compile the SIMD core (a partial or faulty implementation). */
const probeOnly = Object.create(realWasm, { Module: moduleWithoutSimdCore }) as typeof WebAssembly;

/** WebAssembly as in a host that forbids compiling at run time (Cloudflare workerd, some CSPs). */
const refusing = Object.create(realWasm, {
  Module: {
    value: function Module() {
      throw new realWasm.CompileError("WebAssembly.Module(): Wasm code generation disallowed by embedder");
    },
  },
}) as typeof WebAssembly;

/** A signature through the public API, and what node:crypto computes for the same request. */
function signature(lib: Library): [string, string] {
  const signed = lib.sign(
    { method: "GET", url: "https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08" },
    { credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" }, region: "us-east-1", service: "iam", date: "20150830T123600Z" },
  );
  let key: string | Buffer = "AWS4wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  for (const part of ["20150830", "us-east-1", "iam", "aws4_request"]) key = createHmac("sha256", key).update(part).digest();
  return [signed.signature, createHmac("sha256", key).update(signed.stringToSign).digest("hex")];
}

describe("the WebAssembly-only entry (sigv4-wasm/wasm)", () => {
  it("runs the SIMD core where WebAssembly SIMD validates", async () => {
    expect(WebAssembly.validate(simdBytes)).toBe(true); // this Node has WebAssembly SIMD
    expect(WebAssembly.validate(SIMD_PROBE)).toBe(true);
    const { lib, loader } = await fresh("main");
    expect(lib.sha256Hex("abc")).toBe(ABC);
    expect(loader.coreName()).toBe("simd");
  });

  it("runs the scalar core where SIMD does not validate", async () => {
    const { lib, loader } = await fresh("main");
    withWebAssembly(withoutSimd, () => {
      expect(lib.sha256Hex("abc")).toBe(ABC);
      expect(loader.coreName()).toBe("scalar");
      const [ours, expected] = signature(lib);
      expect(ours).toBe(expected);
    });
  });

  it("runs the scalar core where SIMD passes the probe but the SIMD core does not compile", async () => {
    const { lib, loader } = await fresh("main");
    withWebAssembly(probeOnly, () => {
      expect(lib.sha256Hex("abc")).toBe(ABC);
      expect(loader.coreName()).toBe("scalar");
    });
  });

  it("throws a clear error, naming the cause and the way out, without WebAssembly", async () => {
    const { lib } = await fresh("main");
    withWebAssembly(undefined, () => {
      expect(() => lib.sha256Hex("abc")).toThrow(/^Cannot start the WebAssembly core \(Error: this JavaScript engine has no WebAssembly\): import "sigv4-wasm" \(its default entry, also "sigv4-wasm\/portable"\) instead of "sigv4-wasm\/wasm"/);
      const options = { credentials: { accessKeyId: "AKID", secretAccessKey: "s3cr3t-value" }, region: "r", service: "s" };
      expect(() => lib.sign({ url: "https://example.com/" }, options)).toThrow(/sigv4-wasm\/portable/);
      expect(() => lib.sign({ url: "https://example.com/" }, options)).not.toThrow(/s3cr3t-value/);
    });
  });

  it("throws a clear error where WebAssembly refuses to compile, with the engine's error as the cause", async () => {
    const { lib } = await fresh("main");
    withWebAssembly(refusing, () => {
      let error: unknown;
      try {
        lib.sha256Hex("abc");
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(/\(CompileError: WebAssembly\.Module\(\): Wasm code generation disallowed by embedder\): import "sigv4-wasm" /);
      expect((error as Error).cause).toBeInstanceOf(realWasm.CompileError);
    });
  });

  it("works once WebAssembly is back: a failed first use chooses nothing", async () => {
    const { lib, loader } = await fresh("main");
    withWebAssembly(undefined, () => expect(() => lib.sha256Hex("abc")).toThrow(Error));
    expect(lib.sha256Hex("abc")).toBe(ABC);
    expect(loader.coreName()).toBe("simd");
  });

  it('refuses useCore("js"), which only the default entry carries, saying so', async () => {
    const { lib } = await fresh("main");
    expect(() => lib.useCore("js")).toThrow(/The JavaScript core is not part of this entry: import "sigv4-wasm" \(its default entry/);
  });

  it('refuses useCore("simd") where SIMD does not validate', async () => {
    const { lib } = await fresh("main");
    withWebAssembly(withoutSimd, () => expect(() => lib.useCore("simd")).toThrow(/cannot compile WebAssembly SIMD: use useCore\("scalar"\)/));
  });
});

describe("the default entry (portable.ts)", () => {
  it("exports everything the main entry exports", async () => {
    const main = Object.keys((await fresh("main")).lib).sort();
    const portable = Object.keys((await fresh("portable")).lib).sort();
    expect(portable).toEqual(main);
  });

  it("still runs the SIMD core where WebAssembly SIMD validates", async () => {
    const { lib, loader } = await fresh("portable");
    expect(lib.sha256Hex("abc")).toBe(ABC);
    expect(loader.coreName()).toBe("simd");
  });

  it.each([
    ["is missing", undefined],
    ["refuses to compile", refusing],
  ])("falls back to the JavaScript core where WebAssembly %s, and signs correctly with it", async (_label, replacement) => {
    const { lib, loader } = await fresh("portable");
    withWebAssembly(replacement, () => {
      expect(lib.sha256Hex("abc")).toBe(ABC);
      expect(loader.coreName()).toBe("js");
      const [ours, expected] = signature(lib);
      expect(ours).toBe(expected);
    });
  });

  it('runs the JavaScript core on useCore("js") even where WebAssembly works', async () => {
    const { lib, loader } = await fresh("portable");
    lib.useCore("js");
    expect(loader.coreName()).toBe("js");
    expect(lib.sha256Hex("abc")).toBe(ABC);
  });
});

describe("generated files", () => {
  it.each([
    ["scripts/embed-wasm.mjs", "the embedded modules"],
    ["scripts/gen-js-core.mjs", "the JavaScript core"],
  ])("%s --check passes (%s)", (script) => {
    const run = spawnSync(process.execPath, [script, "--check"], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
  });
});
