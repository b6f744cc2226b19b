// The typed view of the core's exports. Every pointer and size is read from the module
// (assembly/memory.ts declares them); nothing about the memory map is repeated here.

import { isArrayBuffer } from "../bytes.js";

/** An exported global: a WebAssembly.Global, or an object with the same `value` in the JavaScript core. */
export interface CoreGlobal {
  readonly value: number;
}

/** The exported memory: a WebAssembly.Memory, or an object with the same `buffer` in the JavaScript core. */
export interface CoreMemory {
  readonly buffer: ArrayBuffer;
}

/** The exports of every core: the WebAssembly builds (see assembly/index.ts) and their JavaScript translation. */
export interface CoreExports {
  memory: CoreMemory;
  K256: CoreGlobal;
  SCHEDULE: CoreGlobal;
  INPUT: CoreGlobal;
  INPUT_SIZE: CoreGlobal;
  CTX: CoreGlobal;
  CTX_SIZE: CoreGlobal;
  HMAC_KEY: CoreGlobal;
  CHAIN: CoreGlobal;
  CHAIN_SIZE: CoreGlobal;
  DIGEST: CoreGlobal;
  DIGEST_HEX: CoreGlobal;
  SIGNATURE: CoreGlobal;
  STS: CoreGlobal;
  STS_SIZE: CoreGlobal;
  hashInit(): void;
  hashUpdate(len: number): void;
  hashFinal(): void;
  hash(len: number): void;
  digestHex(): void;
  /** One SHA-256 block into a 32-byte state; neither may overlap SCHEDULE (the core's scratch). */
  compress(state: number, block: number): void;
  hmacLoadKey(keyLen: number): void;
  hmacStart(): void;
  hmacFinal(): void;
  hmac(keyLen: number, dataLen: number): void;
  deriveSigningKey(secretLen: number, dateLen: number, regionLen: number, serviceLen: number, terminatorLen: number, chainOnly: number): void;
  signFinal(lastLen: number, prefixLen: number): void;
  sign(creqLen: number, prefixLen: number): void;
  signBody(headLen: number, bodyAt: number, bodyLen: number, prefixLen: number): void;
}

/** Bytes of the loaded HMAC key's two midstates (HMAC_KEY region). */
export const HMAC_KEY_SIZE = 64;
/** Bytes of a digest and of one key in the chain. */
export const DIGEST_SIZE = 32;

/** One instance of the core with its fixed regions resolved and a single view over memory. */
export interface Core {
  readonly fn: CoreExports;
  /** One view for the instance's whole life: memory never grows, so it never detaches. */
  readonly mem: Uint8Array;
  readonly input: number;
  readonly inputSize: number;
  readonly ctx: number;
  readonly ctxSize: number;
  readonly hmacKey: number;
  readonly chain: number;
  readonly chainSize: number;
  readonly digest: number;
  readonly digestHex: number;
  readonly signature: number;
  readonly sts: number;
  readonly stsSize: number;
  /** The streaming hash whose state is in CTX (null: CTX holds nothing worth keeping). */
  ctxOwner: { suspend(): void } | null;
  /** Whatever last put its key in HMAC_KEY (a signing-key cache entry), or null. */
  keyOwner: object | null;
}

/** Characters of a hex signature: SIGNATURE's size, and where STS starts after it. */
export const SIGNATURE_HEX = 64;

type GlobalName = { [K in keyof CoreExports]: CoreExports[K] extends CoreGlobal ? K : never }[keyof CoreExports];

/** The functions the library calls (the globals are checked as they are read). */
const FUNCTIONS = ["hashInit", "hashUpdate", "hashFinal", "hash", "digestHex", "compress", "hmacLoadKey", "hmacStart", "hmacFinal", "hmac", "deriveSigningKey", "signFinal", "sign", "signBody"] as const;

/** Resolves the regions of an instantiated core from its exports; another module is refused by name. */
export function bindCore(fn: CoreExports): Core {
  const missing = (name: string): Error => new Error(`not a sigv4-wasm core: it has no export "${name}"`);
  for (const name of FUNCTIONS) if (typeof fn[name] !== "function") throw missing(name);
  if (!isArrayBuffer(fn.memory?.buffer)) throw missing("memory");
  const at = (name: GlobalName): number => {
    const value = (fn[name] as CoreGlobal | undefined)?.value;
    if (typeof value !== "number") throw missing(name);
    return value;
  };
  // The signer reads the body's hash, the signature and the string to sign as one run (core-views.ts).
  if (at("SIGNATURE") !== at("DIGEST_HEX") + SIGNATURE_HEX || at("STS") !== at("SIGNATURE") + SIGNATURE_HEX) {
    throw new Error("not a sigv4-wasm core: DIGEST_HEX, SIGNATURE and STS must be adjacent");
  }
  return {
    fn,
    mem: new Uint8Array(fn.memory.buffer),
    input: at("INPUT"),
    inputSize: at("INPUT_SIZE"),
    ctx: at("CTX"),
    ctxSize: at("CTX_SIZE"),
    hmacKey: at("HMAC_KEY"),
    chain: at("CHAIN"),
    chainSize: at("CHAIN_SIZE"),
    digest: at("DIGEST"),
    digestHex: at("DIGEST_HEX"),
    signature: at("SIGNATURE"),
    sts: at("STS"),
    stsSize: at("STS_SIZE"),
    ctxOwner: null,
    keyOwner: null,
  };
}
