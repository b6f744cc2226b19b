// UTF-8 encoding (RFC 3629) of JavaScript strings, with an encoder of its own for realms without
// TextEncoder (vm contexts, Rhino, QuickJS). Where TextEncoder exists its encodeInto is used for
// strings of SHORT characters and more: ~60 ns for 250 ASCII chars against ~430 ns for a charCodeAt loop (measured on this project's
// machine class with Node 20). Lone surrogates become U+FFFD, as TextEncoder does.

type EncodeInto = (text: string, into: Uint8Array) => { read: number; written: number };

const native: EncodeInto | undefined = (() => {
  const Encoder = (globalThis as { TextEncoder?: new () => { encodeInto: EncodeInto } }).TextEncoder;
  if (typeof Encoder !== "function") return undefined;
  const encoder = new Encoder();
  return (text, into) => encoder.encodeInto(text, into);
})();

let useNative = native !== undefined;

// Below this many characters the loop below beats a call of encodeInto (about 40–100 ns against
// about 130 ns, measured on this project's machine class with Node 20): scope elements, dates and
// key-chain fields are that short. Writing at an offset also costs encodeInto a new view of the
// rest of the buffer, which moves the break-even up (40 characters: 118 ns for the loop, 162 ns
// for a view and encodeInto; 80 characters: 352 ns against 138 ns; same machine).
const SHORT = 32;
const SHORT_AT_OFFSET = 48;

/** Forces the encoder and ASCII decoder of this file even where TextEncoder/TextDecoder exist (for tests). */
export function setNativeUtf8(enabled: boolean): void {
  useNative = enabled && native !== undefined;
}

/** The number of bytes `text` takes in UTF-8. */
export function utf8Length(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 2; // a surrogate pair (2 UTF-16 units) is 4 bytes
      i++;
    } else n += 2;
  }
  return n;
}

/**
 * Writes `text` as UTF-8 into `out` at `offset` and returns the number of bytes written.
 * The caller guarantees room for utf8Length(text) bytes (3 × text.length always suffices).
 */
export function encodeUtf8Into(text: string, out: Uint8Array, offset: number): number {
  if (useNative && text.length >= (offset === 0 ? SHORT : SHORT_AT_OFFSET)) return (native as EncodeInto)(text, offset === 0 ? out : new Uint8Array(out.buffer, out.byteOffset + offset, out.length - offset)).written;
  let o = offset;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      out[o++] = c;
      continue;
    }
    if (c < 0x800) {
      out[o++] = 0xc0 | (c >> 6);
      out[o++] = 0x80 | (c & 63);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && (next & 0xfc00) === 0xdc00) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
        out[o++] = 0xf0 | (c >> 18);
        out[o++] = 0x80 | ((c >> 12) & 63);
        out[o++] = 0x80 | ((c >> 6) & 63);
        out[o++] = 0x80 | (c & 63);
        continue;
      }
      c = 0xfffd;
    }
    out[o++] = 0xe0 | (c >> 12);
    out[o++] = 0x80 | ((c >> 6) & 63);
    out[o++] = 0x80 | (c & 63);
  }
  return o - offset;
}

/** `text` as a new UTF-8 byte array. */
export function encodeUtf8(text: string): Uint8Array {
  const out = new Uint8Array(utf8Length(text));
  encodeUtf8Into(text, out, 0);
  return out;
}

/**
 * The text of UTF-8 `bytes`, or undefined when they are not valid UTF-8 (RFC 3629), with no
 * TextDecoder (absent from some hosts): every byte outside ASCII, and '%', is written as %XX and
 * the whole decoded by decodeURIComponent, which refuses malformed sequences.
 */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  let escaped = "";
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    escaped += b < 0x80 && b !== 0x25 ? String.fromCharCode(b) : "%" + (b < 16 ? "0" : "") + b.toString(16);
  }
  try {
    return decodeURIComponent(escaped);
  } catch {
    return undefined;
  }
}

type Decode = (bytes: Uint8Array) => string;

const nativeDecode: Decode | undefined = (() => {
  const Decoder = (globalThis as { TextDecoder?: new () => { decode: Decode } }).TextDecoder;
  if (typeof Decoder !== "function") return undefined;
  const decoder = new Decoder();
  return (bytes) => decoder.decode(bytes);
})();

/**
 * Bytes 0x00–0x7f as a string (hex digests, the string to sign). TextDecoder where it exists
 * (~65 ns for 64 bytes against ~250 ns for String.fromCharCode.apply, measured on the same machine class).
 */
export function decodeAscii(bytes: Uint8Array, start: number, end: number): string {
  if (useNative && nativeDecode !== undefined) {
    return nativeDecode(start === 0 && end === bytes.length ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset + start, end - start));
  }
  // Read by index into a plain array: some engines (Rhino) mishandle subarray() of a view.
  let s = "";
  const codes: number[] = [];
  for (let i = start; i < end; i++) {
    codes.push(bytes[i]);
    if (codes.length === 4096 || i === end - 1) {
      s += String.fromCharCode.apply(null, codes);
      codes.length = 0;
    }
  }
  return s;
}
