// Test-only module: the readable and the generated compression functions side by side.
export { compressLoop } from "./compress-loop";
export { compress } from "../sha256-compress.generated";
export { INPUT } from "../memory";
