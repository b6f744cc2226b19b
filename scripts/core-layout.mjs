// What assembling a core from build/base/core.wasm needs to know about it, read from its exports:
// the function index of compress, and the addresses of K256 and SCHEDULE (assembly/memory.ts).

const EXPORT_SECTION = 7;
const FUNCTION = 0;

function exportedFunctionIndex(bytes, name) {
  let at = 8;
  const u32 = () => {
    let value = 0;
    for (let shift = 0; shift < 35 && at < bytes.length; shift += 7) {
      const byte = bytes[at++];
      value |= (byte & 0x7f) << shift;
      if (byte < 0x80) return value >>> 0;
    }
    throw new Error("build/base/core.wasm: a truncated number");
  };
  while (at < bytes.length) {
    const id = bytes[at++];
    const end = u32() + at;
    if (id === EXPORT_SECTION) {
      for (let n = u32(); n > 0; n--) {
        const length = u32();
        const exported = Buffer.from(bytes.subarray(at, at + length)).toString("utf8");
        at += length;
        const kind = bytes[at++];
        const index = u32();
        if (exported === name && kind === FUNCTION) return index;
      }
    }
    at = end;
  }
  throw new Error(`build/base/core.wasm exports no function ${name}`);
}

/** { compress, k256, schedule } of a base core's bytes. */
export function coreLayout(bytes) {
  const module = new WebAssembly.Module(bytes);
  // The function index of an export counts imported functions first; the code section does not.
  // The core has no imports (asconfig "use": ["abort="]), so the two agree.
  if (WebAssembly.Module.imports(module).length > 0) throw new Error("build/base/core.wasm has imports: a sigv4-wasm core must have none");
  const { exports } = new WebAssembly.Instance(module, {});
  return { compress: exportedFunctionIndex(bytes, "compress"), k256: exports.K256.value, schedule: exports.SCHEDULE.value };
}
