// Test-only module: the readable and the build's generated compression function side by side
// (target "scalar": the scalar form; target "simd": the SIMD form).
export { compressLoop } from "./compress-loop";
export { compress } from "../sha256-compress";
export { INPUT } from "../memory";
