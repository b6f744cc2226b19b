// A base64 decoder of its own: the embedded module must load where there is no atob, Buffer,
// TextEncoder, fs or fetch (vm realms, Rhino, QuickJS, Hermes).

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Decodes standard base64 (RFC 4648 §4), padding optional. */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const values = new Uint8Array(128).fill(255);
  for (let i = 0; i < ALPHABET.length; i++) values[ALPHABET.charCodeAt(i)] = i;
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61 /* = */) end--;
  const out = new Uint8Array((end * 3) >> 2);
  let bits = 0;
  let count = 0;
  let o = 0;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    const v = code < 128 ? values[code] : 255;
    if (v === 255) throw new RangeError(`base64: invalid character at ${i}`);
    bits = (bits << 6) | v;
    count += 6;
    if (count >= 8) {
      count -= 8;
      out[o++] = (bits >> count) & 0xff;
    }
  }
  return out;
}

/** What decodeEmbedded may find on the host: ES2026's Uint8Array.fromBase64, Node's Buffer, atob. */
export interface Base64Host {
  Uint8Array?: { fromBase64?: (text: string) => Uint8Array };
  Buffer?: { from?: (text: string, encoding: "base64") => Uint8Array };
  atob?: (text: string) => string;
}

/**
 * The embedded core's base64, decoded by the host where it can: on a cold start the loop above runs
 * in the engine's interpreter, and decoding an 11 KB core took 1.7–3.2 ms that way against
 * 0.1–0.2 ms with Buffer and 0.5–0.7 ms with atob and a copy (Node 20, first call in a fresh
 * process, measured on this project's machine class). Only for text this package generated: the host decoders skip
 * characters that decodeBase64 refuses.
 */
export function decodeEmbedded(text: string, host: Base64Host = globalThis as unknown as Base64Host): Uint8Array<ArrayBuffer> {
  const fromBase64 = host.Uint8Array?.fromBase64;
  if (typeof fromBase64 === "function") return new Uint8Array(fromBase64.call(host.Uint8Array, text));
  const from = host.Buffer?.from;
  if (typeof from === "function") return new Uint8Array(from.call(host.Buffer, text, "base64"));
  if (typeof host.atob === "function") {
    const binary = host.atob(text);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  }
  return decodeBase64(text);
}
