// Lowercase hex (the encoding SigV4 uses for hashes and signatures: AWS SigV4 docs, "HexEncode").

const HEX_DIGITS: usize = memory.data<u8>([
  0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66,
]);

/**
 * Writes the 32 bytes at `src` as 64 lowercase hex characters at `dst`. `dst` may be odd (STS after a
 * prefix of any length), so the stores say align 1: wasm2js (the JavaScript core) relies on the hint.
 */
export function hex32(src: usize, dst: usize): void {
  for (let i: usize = 0; i < 32; i++) {
    const b = <usize>load<u8>(src + i);
    store<u16>(dst + (i << 1), <u16>load<u8>(HEX_DIGITS + (b >> 4)) | (<u16>load<u8>(HEX_DIGITS + (b & 15)) << 8), 0, 1);
  }
}
