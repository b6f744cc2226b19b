// The readable SHA-256 compression function (RFC 6234 §6.2), a loop over the 64-word schedule.
//
// This is the compress() the core is compiled with (build/base/core.wasm, and the debug build). The
// cores that ship replace its body with a fully unrolled one, scalar or SIMD, written as WebAssembly
// bytecode by bindings/wasm/compress-body.ts: at build time into build/release and build/simd
// (scripts/assemble-cores.mjs), and at load time from the one embedded base module, so the package
// carries the unrolled code as the short program that writes it. The loop is the specification the
// unrolled forms are tested against (test/compress.test.ts calls the exported compress of each).

import { K256, SCHEDULE, SCHEDULE_SIZE } from "./memory";

// RFC 6234 §5.1: the four functions on 32-bit words, written with the rotate builtin.
@inline function bigSigma0(x: u32): u32 { return rotr<u32>(x, 2) ^ rotr<u32>(x, 13) ^ rotr<u32>(x, 22); }
@inline function bigSigma1(x: u32): u32 { return rotr<u32>(x, 6) ^ rotr<u32>(x, 11) ^ rotr<u32>(x, 25); }
@inline function smallSigma0(x: u32): u32 { return rotr<u32>(x, 7) ^ rotr<u32>(x, 18) ^ (x >>> 3); }
@inline function smallSigma1(x: u32): u32 { return rotr<u32>(x, 17) ^ rotr<u32>(x, 19) ^ (x >>> 10); }
// Ch and Maj in their shorter equivalent forms (same truth tables as RFC 6234 §5.1).
@inline function ch(x: u32, y: u32, z: u32): u32 { return z ^ (x & (y ^ z)); }
@inline function maj(x: u32, y: u32, z: u32): u32 { return (x & y) | (z & (x | y)); }

/**
 * Processes one 64-byte block at `block` into the state H at `state` (RFC 6234 §6.2 steps 1–4).
 * Neither may overlap SCHEDULE, which every form uses as scratch and zeroes before returning.
 */
export function compress(state: usize, block: usize): void {
  for (let t: usize = 0; t < 16; t++) {
    store<u32>(SCHEDULE + (t << 2), bswap<u32>(load<u32>(block + (t << 2))));
  }
  for (let t: usize = 16; t < 64; t++) {
    const w = SCHEDULE + (t << 2);
    store<u32>(w, smallSigma1(load<u32>(w - 8)) + load<u32>(w - 28) + smallSigma0(load<u32>(w - 60)) + load<u32>(w - 64));
  }
  let a = load<u32>(state), b = load<u32>(state, 4), c = load<u32>(state, 8), d = load<u32>(state, 12);
  let e = load<u32>(state, 16), f = load<u32>(state, 20), g = load<u32>(state, 24), h = load<u32>(state, 28);
  for (let t: usize = 0; t < 64; t++) {
    const t1 = h + bigSigma1(e) + ch(e, f, g) + load<u32>(K256 + (t << 2)) + load<u32>(SCHEDULE + (t << 2));
    const t2 = bigSigma0(a) + maj(a, b, c);
    h = g; g = f; f = e; e = d + t1;
    d = c; c = b; b = a; a = t1 + t2;
  }
  store<u32>(state, load<u32>(state) + a);
  store<u32>(state, load<u32>(state, 4) + b, 4);
  store<u32>(state, load<u32>(state, 8) + c, 8);
  store<u32>(state, load<u32>(state, 12) + d, 12);
  store<u32>(state, load<u32>(state, 16) + e, 16);
  store<u32>(state, load<u32>(state, 20) + f, 20);
  store<u32>(state, load<u32>(state, 24) + g, 24);
  store<u32>(state, load<u32>(state, 28) + h, 28);
  // The schedule of an HMAC pad block is key material.
  memory.fill(SCHEDULE, 0, SCHEDULE_SIZE);
}

