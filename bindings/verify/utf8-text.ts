// UTF-8 bytes to a string without TextDecoder (absent from some hosts the library runs in):
// every byte outside ASCII, and '%', is written as %XX and the whole decoded by decodeURIComponent.

/** The text of UTF-8 `bytes`, or undefined when they are not valid UTF-8. */
export function utf8Text(bytes: Uint8Array): string | undefined {
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

/** Each byte as the character of the same code (ISO 8859-1), for bytes that are not UTF-8. */
export function latin1Text(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]);
  return s;
}
