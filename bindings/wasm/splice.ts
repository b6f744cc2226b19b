// Reading and rewriting a WebAssembly binary, as far as assembling the cores needs: the words of a
// data segment, one function's body found and replaced (WebAssembly core specification §5.5:
// sections, the code section, the data section), and LEB128 for the bodies written elsewhere.

const CODE_SECTION = 10;
const DATA_SECTION = 11;
const I32_CONST = 0x41;
const END = 0x0b;

function malformed(what: string): Error {
  return new Error(`not a sigv4-wasm core: ${what}`);
}

/** A cursor over LEB128 numbers that refuses to read past `end`. */
class Reader {
  constructor(readonly bytes: Uint8Array, public at: number, readonly end = bytes.length) {}

  u32(): number {
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      if (this.at >= this.end) break;
      const byte = this.bytes[this.at++];
      value |= (byte & 0x7f) << shift;
      if (byte < 0x80) return value >>> 0;
    }
    throw malformed("a truncated number");
  }

  /** Moves past `size` bytes, which must lie before `end`. */
  skip(size: number): void {
    if (size > this.end - this.at) throw malformed("a size past the end of its section");
    this.at += size;
  }
}

/** The section `id` of `module`: where its header starts, where its contents start and end. */
function section(module: Uint8Array, id: number): { head: number; start: number; end: number } {
  const r = new Reader(module, 8); // after the magic number and the version
  while (r.at < module.length) {
    const head = r.at;
    const sectionId = module[r.at++];
    const size = r.u32();
    const start = r.at;
    r.skip(size);
    if (sectionId === id) return { head, start, end: r.at };
  }
  throw malformed(`no section ${id}`);
}

/** `n` as unsigned LEB128 (§5.2.2), in as few bytes as it takes. */
export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    const low = n & 0x7f;
    n >>>= 7;
    out.push(n === 0 ? low : low | 0x80);
  } while (n !== 0);
  return out;
}

/**
 * `count` little-endian 32-bit words at `address` in the module's initial memory, from the active
 * data segment that holds them (AssemblyScript writes each segment's offset as one i32.const).
 */
export function dataWords(module: Uint8Array, address: number, count: number): number[] {
  const { start, end } = section(module, DATA_SECTION);
  const r = new Reader(module, start, end);
  for (let n = r.u32(); n > 0; n--) {
    if (r.u32() !== 0 || module[r.at++] !== I32_CONST) throw malformed("a data segment that is not active at a constant address");
    const offset = r.u32(); // a non-negative i32.const reads the same as unsigned LEB128
    if (module[r.at++] !== END) throw malformed("a data segment that is not active at a constant address");
    const size = r.u32();
    if (size > end - r.at) throw malformed("a data segment past the end of its section");
    if (address >= offset && address + 4 * count <= offset + size) {
      const words: number[] = [];
      for (let i = r.at + address - offset; words.length < count; i += 4) {
        words.push((module[i] | (module[i + 1] << 8) | (module[i + 2] << 16) | (module[i + 3] << 24)) >>> 0);
      }
      return words;
    }
    r.skip(size);
  }
  throw malformed(`no data at ${address}`);
}

/** The code section (head, start, end) and where in it the entry of function `index` lies, [from, to). */
function entryOf(module: Uint8Array, index: number): { head: number; start: number; end: number; from: number; to: number } {
  const { head, start, end } = section(module, CODE_SECTION);
  const r = new Reader(module, start, end);
  if (index >= r.u32()) throw malformed(`no function ${index}`);
  for (let i = 0; i < index; i++) r.skip(r.u32());
  const from = r.at;
  r.skip(r.u32());
  return { head, start, end, from, to: r.at };
}

/** The code section entry (size and body) of function `index`; the module imports no function. */
export function functionBody(module: Uint8Array, index: number): Uint8Array {
  const { from, to } = entryOf(module, index);
  return module.subarray(from, to);
}

/** A copy of `module` with the body of function `index` (it imports none) replaced by `body`, a code section entry. */
export function replaceBody(module: Uint8Array, index: number, body: Uint8Array): Uint8Array<ArrayBuffer> {
  const { head, start, end, from, to } = entryOf(module, index);
  const size = uleb(end - start - (to - from) + body.length);
  const out = new Uint8Array(head + 1 + size.length + (from - start) + body.length + (module.length - to));
  let at = 0;
  for (const part of [module.subarray(0, head + 1), size, module.subarray(start, from), body, module.subarray(to)]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
