// The cores as modules: no imports, one set of exports and one memory map in every build (and in
// the JavaScript translation), fixed memory, no key material left outside the exported regions,
// the embedded copies, the loader (useCore, decodeBase64), and the debug build's bounds asserts.
import { createHash, createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { runInNewContext } from "node:vm";
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { CORES, WASM_CORES, instantiateCore, coreNamed } from "./cores.js";
import { useCore, core, coreName } from "../bindings/wasm/instance.js";
import { HMAC_KEY_SIZE, DIGEST_SIZE, bindCore, type CoreExports } from "../bindings/wasm/abi.js";
import { decodeBase64, decodeEmbedded, type Base64Host } from "../bindings/wasm/base64.js";
import { BASE_CORE_BASE64 } from "../bindings/wasm/module.generated.js";
import { embeddedCore } from "../bindings/wasm/embedded.js";
import { sha256Hex, Sha256 } from "../bindings/sha256.js";
import { hmacSha256 } from "../bindings/hmac.js";
import { deriveSigningKey } from "../bindings/signing-key.js";
import { toHex } from "../bindings/bytes.js";
import { sign } from "../bindings/signer.js";

const wasmFile = (build: string): Uint8Array<ArrayBuffer> => new Uint8Array(readFileSync(new URL(`../build/${build}/core.wasm`, import.meta.url)));
const oracle = (data: string | Uint8Array): string => createHash("sha256").update(data).digest("hex");
const oracleHmac = (key: string | Uint8Array, data: string | Uint8Array): string => createHmac("sha256", key).update(data).digest("hex");
const ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"; // FIPS 180-4 example "abc"

/** `n` deterministic pseudo-random bytes. */
function bytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24;
  return out;
}

/** The regions of the memory map, [name, pointer, size], read from the module's exports. */
function regions(fn: CoreExports): [string, number, number][] {
  const v = (g: { value: number }): number => g.value;
  return [
    ["INPUT", v(fn.INPUT), v(fn.INPUT_SIZE)],
    ["CTX", v(fn.CTX), v(fn.CTX_SIZE)],
    ["HMAC_KEY", v(fn.HMAC_KEY), HMAC_KEY_SIZE],
    ["CHAIN", v(fn.CHAIN), v(fn.CHAIN_SIZE)],
    ["DIGEST", v(fn.DIGEST), DIGEST_SIZE],
    ["DIGEST_HEX", v(fn.DIGEST_HEX), 2 * DIGEST_SIZE],
    ["SIGNATURE", v(fn.SIGNATURE), 2 * DIGEST_SIZE],
    ["STS", v(fn.STS), v(fn.STS_SIZE)],
  ];
}

const names = (fn: object): string[] => Object.keys(fn).sort();

describe("the built modules", () => {
  it("have no imports (base, release files, embedded copies, debug)", () => {
    const files = ["base", "release", "simd"].map((build) => new WebAssembly.Module(wasmFile(build)));
    for (const module of [...files, ...WASM_CORES.map(([, m]) => m)]) {
      expect(WebAssembly.Module.imports(module)).toEqual([]);
    }
  });

  it("embed exactly build/base/core.wasm", () => {
    expect(Buffer.compare(decodeBase64(BASE_CORE_BASE64), wasmFile("base"))).toBe(0);
  });

  it.each([
    ["simd", "simd"],
    ["scalar", "release"],
  ] as const)("assemble the %s core from it as exactly build/%s/core.wasm", (form, build) => {
    expect(Buffer.compare(embeddedCore(form), wasmFile(build))).toBe(0);
  });

  it("export the same names in every core, the JavaScript one included", () => {
    const [first, ...rest] = CORES.map(([, source]) => names(instantiateCore(source)));
    for (const other of rest) expect(other).toEqual(first);
    for (const fn of ["hash", "hashInit", "hashUpdate", "hashFinal", "hmac", "hmacLoadKey", "hmacStart", "hmacFinal", "deriveSigningKey", "signFinal", "sign", "memory"]) {
      expect(first).toContain(fn);
    }
  });

  it("lay out memory identically in the SIMD, scalar and JavaScript cores (the release builds)", () => {
    const [simd, ...others] = ["SIMD (embedded)", "scalar (embedded)", "JavaScript"].map((name) => regions(instantiateCore(coreNamed(name))));
    for (const map of others) expect(map).toEqual(simd);
  });
});

describe.each(CORES)("%s core", (_name, source) => {
  beforeAll(() => useCore(source));

  it("has a fixed memory: it cannot grow, and a million operations leave its size alone", () => {
    const c = core();
    const memory = c.fn.memory as WebAssembly.Memory;
    const size = memory.buffer.byteLength;
    // The JavaScript core's memory has no grow(); a WebAssembly memory at its maximum refuses.
    if (source === "js") expect(memory.grow).toBeUndefined();
    else expect(() => memory.grow(1)).toThrow(RangeError);
    expect(memory.buffer.byteLength).toBe(size);

    // 10 000 operations through the public API, checked against node:crypto now and then...
    let ops = 0;
    for (let i = 0; i < 10_000; i++, ops++) {
      const data = bytes(i % 300, i);
      if (i % 4 === 0) {
        const hex = sha256Hex(data);
        if (i % 500 === 0) expect(hex).toBe(oracle(data));
      } else if (i % 4 === 1) {
        const mac = hmacSha256(data.subarray(0, i % 90), data);
        if (i % 501 === 1) expect(toHex(mac)).toBe(oracleHmac(data.subarray(0, i % 90), data));
      } else if (i % 4 === 2) {
        deriveSigningKey(`secret${i}`, "20240101", "us-east-1", "s3");
      } else {
        new Sha256().update(data).update("x").digest();
      }
    }
    // ...and the rest of the million straight through the exports.
    const fn = c.fn;
    for (; ops < 1_000_000; ops++) {
      const r = ops % 10;
      if (r < 6) fn.hash(ops % 200);
      else if (r < 9) fn.hmac(ops % 100, ops % 150);
      else fn.deriveSigningKey(44, 8, 9, 3, 12, 0);
    }
    fn.hash(c.inputSize);
    expect(memory.buffer.byteLength).toBe(size);
    expect(c.mem.buffer).toBe(memory.buffer); // the one view never detached
    expect(sha256Hex("abc")).toBe(ABC);
  });

  it("is refused unless DIGEST_HEX, SIGNATURE and STS are adjacent (the signer reads them in one decode)", () => {
    const fn = core().fn;
    const moved = (name: "DIGEST_HEX" | "SIGNATURE" | "STS"): CoreExports => ({ ...fn, [name]: { value: fn[name].value + 16 } });
    for (const name of ["DIGEST_HEX", "SIGNATURE", "STS"] as const) expect(() => bindCore(moved(name)), name).toThrow(/DIGEST_HEX, SIGNATURE and STS must be adjacent/);
    expect(bindCore(fn).signature).toBe(fn.SIGNATURE.value);
  });

  it("exports distinct, 16-byte aligned, non-overlapping regions inside memory", () => {
    const c = core();
    const map = regions(c.fn);
    const end = c.fn.memory.buffer.byteLength;
    for (const [name, ptr, size] of map) {
      expect(size, name).toBeGreaterThan(0);
      expect(ptr % 16, name).toBe(0);
      expect(ptr + size, name).toBeLessThanOrEqual(end);
    }
    const sorted = [...map].sort((a, b) => a[1] - b[1]);
    for (let i = 1; i < sorted.length; i++) {
      const [prev, prevPtr, prevSize] = sorted[i - 1];
      expect(prevPtr + prevSize, `${prev} overlaps ${sorted[i][0]}`).toBeLessThanOrEqual(sorted[i][1]);
    }
    // The bound core reads the same values.
    expect([c.input, c.ctx, c.hmacKey, c.chain, c.digest, c.digestHex, c.signature, c.sts]).toEqual(map.map(([, ptr]) => ptr));
    expect([c.inputSize, c.ctxSize, c.chainSize, c.stsSize]).toEqual([map[0][2], map[1][2], map[3][2], map[7][2]]);
  });

  /** A fresh instance of the core with a 32-byte HMAC key loaded. */
  function withKey(seed: number): { fn: CoreExports; mem: Uint8Array; key: Uint8Array } {
    const fn = instantiateCore(source);
    const mem = new Uint8Array(fn.memory.buffer);
    const key = bytes(32, seed);
    mem.set(key, fn.INPUT.value);
    fn.hmacLoadKey(32);
    return { fn, mem, key };
  }

  it("signs after a string-to-sign prefix of any length, odd ones included", () => {
    const { fn, mem, key } = withKey(11);
    for (const prefixLength of [0, 1, 2, 3, 17, 77]) {
      const prefix = "p".repeat(prefixLength);
      const request = bytes(100, prefixLength);
      mem.set(new TextEncoder().encode(prefix), fn.STS.value);
      mem.set(request, fn.INPUT.value);
      fn.sign(request.length, prefixLength);
      const signature = Buffer.from(mem.subarray(fn.SIGNATURE.value, fn.SIGNATURE.value + 64)).toString("latin1");
      expect(signature, `prefix of ${prefixLength}`).toBe(oracleHmac(key, prefix + oracle(request)));
    }
  });

  it("signs a body and the canonical request lines before its hash in one call (signBody), as hashing first and sign() do", () => {
    const { fn, mem, key } = withKey(12);
    const prefix = "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/kms/aws4_request\n";
    mem.set(new TextEncoder().encode(prefix), fn.STS.value);
    const bodyAt = fn.INPUT_SIZE.value / 2;
    for (const [headLength, bodyLength] of [[0, 0], [1, 1], [55, 64], [200, 594], [63, 1000], [300, 30_000]]) {
      const head = bytes(headLength, headLength + 1);
      const body = bytes(bodyLength, bodyLength + 2);
      mem.set(head, fn.INPUT.value);
      mem.set(body, fn.INPUT.value + bodyAt);
      fn.signBody(headLength, bodyAt, bodyLength, prefix.length);
      const read = (at: number, n: number): string => Buffer.from(mem.subarray(at, at + n)).toString("latin1");
      const label = `lines ${headLength}, body ${bodyLength}`;
      expect(read(fn.DIGEST_HEX.value, 64), label).toBe(oracle(body));
      const canonicalRequest = Buffer.concat([head, Buffer.from(oracle(body))]);
      expect(read(fn.STS.value, prefix.length + 64), label).toBe(prefix + oracle(canonicalRequest));
      expect(read(fn.SIGNATURE.value, 64), label).toBe(oracleHmac(key, prefix + oracle(canonicalRequest)));
    }
  });

  it("spells DIGEST as lowercase hex in DIGEST_HEX, for every byte value", () => {
    const fn = instantiateCore(source);
    const mem = new Uint8Array(fn.memory.buffer);
    for (let seed = 0; seed < 8; seed++) {
      const digest = seed === 0 ? new Uint8Array(32).map((_, i) => i * 8 + 7) : bytes(32, seed); // seed 0: every high and low nibble
      mem.set(digest, fn.DIGEST.value);
      fn.digestHex();
      expect(Buffer.from(mem.subarray(fn.DIGEST_HEX.value, fn.DIGEST_HEX.value + 64)).toString("latin1")).toBe(Buffer.from(digest).toString("hex"));
    }
    const request = bytes(300, 99);
    mem.set(request, fn.INPUT.value);
    fn.hash(request.length);
    fn.digestHex();
    expect(Buffer.from(mem.subarray(fn.DIGEST_HEX.value, fn.DIGEST_HEX.value + 64)).toString("latin1")).toBe(oracle(request));
  });

  it("leaves nothing of a key outside the exported regions (pad blocks, SIMD schedule slots)", () => {
    const fn = instantiateCore(source);
    const mem = new Uint8Array(fn.memory.buffer);
    const outside = (): Uint8Array => {
      const copy = mem.slice();
      for (const [, ptr, size] of regions(fn)) copy.fill(0, ptr, ptr + size);
      return copy;
    };
    const before = outside();
    const secret = bytes(44, 9);
    mem.set(secret, fn.INPUT.value);
    mem.set(new TextEncoder().encode("20240101us-east-1s3aws4_request"), fn.INPUT.value + 44);
    fn.deriveSigningKey(44, 8, 9, 2, 12, 0);
    mem.set(bytes(200, 10), fn.INPUT.value);
    fn.hmac(100, 100); // a 100-byte key: hashed first, then padded
    expect(Buffer.compare(outside(), before)).toBe(0);
  });
});

describe("decodeBase64", () => {
  it("matches Buffer for random inputs, padded and unpadded", () => {
    for (let n = 0; n <= 300; n++) {
      const data = bytes(n, n + 1);
      const text = Buffer.from(data).toString("base64");
      expect(Buffer.compare(decodeBase64(text), data), text).toBe(0);
      expect(Buffer.compare(decodeBase64(text.replace(/=+$/, "")), data), text).toBe(0);
    }
  });

  it.each(["QUJD$", "QU JD", "QU\nJD", "QUJDé", "QU=JD", "QUJD-_", "QUJD\0"])("rejects invalid characters: %j", (text) => {
    expect(() => decodeBase64(text)).toThrow(RangeError);
  });

  it("says where the invalid character is", () => {
    expect(() => decodeBase64("QUJ*RA==")).toThrow(/at 3/);
  });
});

describe("decodeEmbedded", () => {
  const viaBuffer = (text: string): Uint8Array => Buffer.from(text, "base64");
  const hosts: [string, Base64Host][] = [
    ["Uint8Array.fromBase64", { Uint8Array: { fromBase64: viaBuffer } }],
    ["Buffer", { Buffer }],
    ["atob", { atob }],
    ["none of them (the library's decoder)", {}],
    ["this realm", globalThis as unknown as Base64Host],
  ];
  it.each(hosts)("decodes the embedded base module byte for byte through %s, into a plain Uint8Array", (_name, host) => {
    const bytes = decodeEmbedded(BASE_CORE_BASE64, host);
    expect(Object.getPrototypeOf(bytes)).toBe(Uint8Array.prototype);
    expect(Buffer.compare(bytes, wasmFile("base"))).toBe(0);
  });
});

describe("useCore", () => {
  const release = wasmFile("release");
  afterAll(() => useCore(CORES[0][1]));

  it.each(["simd", "scalar", "js"] as const)("accepts the name %j and hashes with that core", (name) => {
    const before = core();
    useCore(name);
    expect(core()).not.toBe(before);
    expect(coreName()).toBe(name);
    expect(sha256Hex("abc")).toBe(ABC);
  });

  const accepted: [string, () => WebAssembly.Module | Uint8Array | ArrayBuffer][] = [
    ["a WebAssembly.Module", () => new WebAssembly.Module(release)],
    ["a WebAssembly.Module from another realm", () => runInNewContext("new WebAssembly.Module(bytes)", { bytes: new Uint8Array(release) })],
    ["a Uint8Array", () => new Uint8Array(release)],
    ["a Uint8Array view with a byteOffset", () => {
      const big = new Uint8Array(release.length + 10);
      big.set(release, 7);
      return big.subarray(7, 7 + release.length);
    }],
    ["an ArrayBuffer", () => new Uint8Array(release).buffer],
  ];
  it.each(accepted)("accepts %s and hashes with the new instance", (_label, source) => {
    const before = core();
    useCore(source());
    expect(core()).not.toBe(before);
    expect(sha256Hex("abc")).toBe(ABC);
  });

  it.each([
    ["null", null],
    ["undefined", undefined],
    ["a string", BASE_CORE_BASE64],
    ["an unknown core name", "wasm"],
    ["a core name in the wrong case", "SIMD"],
    ["a number", 42],
    ["a plain object", {}],
    ["an array of bytes", [...release]],
    ["a DataView", new DataView(new Uint8Array(release).buffer)],
  ])("rejects %s with TypeError", (_label, source) => {
    const before = core();
    expect(() => useCore(source as unknown as Uint8Array)).toThrow(TypeError);
    expect(() => useCore(source as unknown as Uint8Array)).toThrow(/"source"/);
    expect(core()).toBe(before); // the active core is unchanged
  });

  it("refuses a WebAssembly module that is not a core by the export it lacks, keeping the active core", () => {
    const before = core();
    const empty = new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
    expect(() => useCore(empty)).toThrow(/^not a sigv4-wasm core: it has no export "hashInit"$/);
    const exports = instantiateCore(CORES[0][1]) as unknown as Record<string, unknown>;
    for (const name of ["memory", "STS"]) {
      expect(() => bindCore({ ...exports, [name]: undefined } as unknown as CoreExports)).toThrow(`not a sigv4-wasm core: it has no export "${name}"`);
    }
    expect(core()).toBe(before);
    expect(sha256Hex("abc")).toBe(oracle("abc"));
  });

  it("moves a streaming hash from one core to the next, through every core", () => {
    const part = "abc".repeat(25); // 75 bytes: each core finds a different partial block
    const rounds = [...CORES, ...CORES];
    const h = new Sha256();
    for (const [, source] of rounds) {
      useCore(source);
      h.update(part.slice(0, 25)).update(part.slice(25));
    }
    expect(toHex(h.digest())).toBe(oracle(part.repeat(rounds.length)));
  });
});

describe("debug build bounds", () => {
  beforeAll(() => useCore(coreNamed("debug")));

  it("traps when a length exceeds INPUT (or a prefix STS)", () => {
    const { fn, inputSize, stsSize } = core();
    const calls: [string, () => void][] = [
      ["hash", () => fn.hash(inputSize + 1)],
      ["hashUpdate", () => fn.hashUpdate(inputSize + 1)],
      ["hmac", () => fn.hmac(inputSize, 1)],
      ["hmacLoadKey", () => fn.hmacLoadKey(inputSize + 1)],
      ["deriveSigningKey", () => fn.deriveSigningKey(inputSize - 20, 8, 5, 3, 12, 0)],
      ["signFinal lastLen", () => fn.signFinal(inputSize + 1, 0)],
      ["signFinal prefixLen", () => fn.signFinal(0, stsSize - 63)],
      ["sign", () => fn.sign(inputSize + 1, 0)],
      ["signBody into the lines", () => fn.signBody(100, 163, 1, 0)],
      ["signBody past INPUT", () => fn.signBody(0, 64, inputSize - 63, 0)],
    ];
    for (const [label, call] of calls) expect(call, label).toThrow(WebAssembly.RuntimeError);
    // The limits themselves are fine.
    fn.hash(inputSize);
    fn.hmac(inputSize - 64, 64);
    fn.signFinal(0, stsSize - 64);
    fn.signBody(100, 164, inputSize - 164, 0);
  });

  it("is never driven past INPUT by the public API", () => {
    const n = core().inputSize;
    for (const size of [n - 1, n, n + 1, 2 * n + 1]) {
      const data = bytes(size, size);
      expect(sha256Hex(data)).toBe(oracle(data));
      expect(toHex(new Sha256().update(data).update(data).digest())).toBe(oracle(Buffer.concat([data, data])));
      for (const k of [0, 64, 65, 200]) {
        const key = bytes(k, k);
        const d = data.subarray(0, size - k);
        expect(toHex(hmacSha256(key, d)), `key ${k}, data ${d.length}`).toBe(oracleHmac(key, d));
      }
    }
    for (const text of ["x".repeat(n + 1), "€".repeat(n / 3 + 1), "🙂".repeat(n / 4 + 1)]) expect(sha256Hex(text)).toBe(oracle(text));
    expect(toHex(hmacSha256("k".repeat(n + 1), "€".repeat(n)))).toBe(oracleHmac("k".repeat(n + 1), "€".repeat(n)));
    // The longest secret the signing key accepts derives correctly; a longer one is refused up front.
    const secret = "s".repeat(Math.floor(n / 3) - 30);
    let key: string | Buffer = "AWS4" + secret;
    for (const m of ["20240101", "r", "s", "aws4_request"]) key = createHmac("sha256", key).update(m).digest();
    expect(toHex(deriveSigningKey(secret, "20240101", "r", "s"))).toBe(key.toString("hex"));
    expect(() => deriveSigningKey("s".repeat(n), "20240101", "r", "s")).toThrow(RangeError);
    // Bodies and canonical request lines at the sizes where a signature's body stops sharing the call.
    const half = n / 2;
    const options = { credentials: { accessKeyId: "AKID", secretAccessKey: "secret" }, region: "r", service: "s", date: "20240101T000000Z" };
    for (const [body, lines] of [["a".repeat(half / 3), 1], [bytes(half, 1), 1], [bytes(half + 1, 2), 1], ["{}", Math.floor((half - 64) / 3)], ["{}", half]] as const) {
      const request = { method: "POST", url: "https://s.r.amazonaws.com/", headers: { "x-amz-meta-lines": "v".repeat(lines) }, body };
      const signed = sign(request, options);
      expect(signed.canonicalRequest.endsWith("\n" + oracle(body))).toBe(true);
      expect(signed.signature).toBe(sign(request, { ...options, payload: { sha256: oracle(body) } }).signature);
    }
  });
});
