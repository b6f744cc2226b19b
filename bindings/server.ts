// sigv4-wasm/server: a loopback HTTP server that verifies every request with SigV4 and answers
// refused ones as AWS does. Node only (node:http), so it is a subpath entry of its own and never
// part of the main entry's browser bundle.

export {
  startVerifyServer,
  type VerifyServer,
  type VerifyServerOptions,
  type VerifiedRequest,
  type VerifiedHandler,
  type ServedRequest,
} from "./server/mock-server.js";
export { errorResponse, type ErrorResponse } from "./server/error-response.js";
