// The typed view of the core's exports. Every pointer and size is read from the module
// (assembly/memory.ts declares them); nothing about the memory map is repeated here.

/** The raw exports of core.wasm (see assembly/index.ts). */
export interface CoreExports {
  memory: WebAssembly.Memory;
  INPUT: WebAssembly.Global;
  INPUT_SIZE: WebAssembly.Global;
  CTX: WebAssembly.Global;
  CTX_SIZE: WebAssembly.Global;
  HMAC_KEY: WebAssembly.Global;
  CHAIN: WebAssembly.Global;
  CHAIN_SIZE: WebAssembly.Global;
  DIGEST: WebAssembly.Global;
  SIGNATURE: WebAssembly.Global;
  STS: WebAssembly.Global;
  STS_SIZE: WebAssembly.Global;
  hashInit(): void;
  hashUpdate(len: number): void;
  hashFinal(): void;
  hash(len: number): void;
  hmacLoadKey(keyLen: number): void;
  hmacStart(): void;
  hmacFinal(): void;
  hmac(keyLen: number, dataLen: number): void;
  deriveSigningKey(secretLen: number, dateLen: number, regionLen: number, serviceLen: number, terminatorLen: number, keepChain: number): void;
  signFinal(lastLen: number, prefixLen: number): void;
  sign(creqLen: number, prefixLen: number): void;
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
  readonly signature: number;
  readonly sts: number;
  readonly stsSize: number;
  /** The streaming hash whose state is in CTX (null: CTX holds nothing worth keeping). */
  ctxOwner: { suspend(): void } | null;
  /** Whatever last put its key in HMAC_KEY (a signing-key cache entry), or null. */
  keyOwner: object | null;
}

/** Resolves the regions of an instantiated core. */
export function bindCore(instance: WebAssembly.Instance): Core {
  const fn = instance.exports as unknown as CoreExports;
  const at = (g: WebAssembly.Global): number => g.value as number;
  return {
    fn,
    mem: new Uint8Array(fn.memory.buffer),
    input: at(fn.INPUT),
    inputSize: at(fn.INPUT_SIZE),
    ctx: at(fn.CTX),
    ctxSize: at(fn.CTX_SIZE),
    hmacKey: at(fn.HMAC_KEY),
    chain: at(fn.CHAIN),
    chainSize: at(fn.CHAIN_SIZE),
    digest: at(fn.DIGEST),
    signature: at(fn.SIGNATURE),
    sts: at(fn.STS),
    stsSize: at(fn.STS_SIZE),
    ctxOwner: null,
    keyOwner: null,
  };
}
