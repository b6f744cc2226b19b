// A verification failure as the HTTP response an AWS service sends, in the three shapes AWS SDKs
// parse:
//   - Amazon S3 (REST-XML): <Error><Code/><Message/>…extra elements…<RequestId/><HostId/></Error>;
//   - JSON protocols (a request body of application/x-amz-json-1.x or application/json, as KMS and
//     DynamoDB take): {"__type": …, "message": …} with x-amzn-ErrorType, status 400, and the
//     JSON names of the common errors (InvalidSignatureException, UnrecognizedClientException, …),
//     as DynamoDB answers them (mhart/dynalite recorded them);
//   - the query protocol (STS, IAM, SQS…): <ErrorResponse><Error><Type>Sender</Type><Code/>
//     <Message/></Error><RequestId/></ErrorResponse>.

import type { VerifyFailure } from "../verify/types.js";

export interface ErrorResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The JSON-protocol names of the common errors. */
const JSON_CODES: Record<string, string> = {
  SignatureDoesNotMatch: "InvalidSignatureException",
  IncompleteSignature: "IncompleteSignatureException",
  InvalidClientTokenId: "UnrecognizedClientException",
  MissingAuthenticationToken: "MissingAuthenticationTokenException",
};

// Characters XML 1.0 cannot carry at all, not even as references (§2.2): controls other than tab,
// LF and CR, U+FFFE, U+FFFF and lone surrogates. A client's text quoted in an error (a decoded
// credential, a canonical request) becomes U+FFFD there, so that every SDK can parse the body.
const NOT_XML = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function escapeXml(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;")).replace(NOT_XML, "\ufffd");
}

function element(name: string, value: string): string {
  return `<${name}>${escapeXml(value)}</${name}>`;
}

function s3Error(f: VerifyFailure, requestId: string, hostId: string): ErrorResponse {
  const details = Object.entries(f.details ?? {}).map(([k, v]) => element(k, v));
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${element("Code", f.code)}${element("Message", f.message)}${details.join("")}${element("RequestId", requestId)}${element("HostId", hostId)}</Error>`;
  return { status: f.status, headers: { "content-type": "application/xml", "x-amz-request-id": requestId, "x-amz-id-2": hostId }, body };
}

function jsonError(f: VerifyFailure, requestId: string, contentType: string): ErrorResponse {
  const type = JSON_CODES[f.code] ?? f.code;
  return { status: 400, headers: { "content-type": contentType, "x-amzn-requestid": requestId, "x-amzn-errortype": type }, body: JSON.stringify({ __type: type, message: f.message }) };
}

function queryError(f: VerifyFailure, requestId: string): ErrorResponse {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse><Error><Type>Sender</Type>${element("Code", f.code)}${element("Message", f.message)}</Error>${element("RequestId", requestId)}</ErrorResponse>`;
  return { status: f.status, headers: { "content-type": "text/xml", "x-amzn-requestid": requestId }, body };
}

/** The response for `failure`; `requestContentType` (the request's content-type) chooses JSON for JSON-protocol services. */
export function errorResponse(failure: VerifyFailure, requestContentType: string | undefined, requestId: string, hostId = requestId): ErrorResponse {
  if (failure.style === "s3") return s3Error(failure, requestId, hostId);
  const type = (requestContentType ?? "").split(";")[0].trim().toLowerCase();
  if (type.startsWith("application/x-amz-json-") || type === "application/json") return jsonError(failure, requestId, type);
  return queryError(failure, requestId);
}
