// Every protocol string of AWS Signature Version 4, in one place.
// Source: AWS IAM User Guide, "AWS Signature Version 4 for API requests" (create a signed request,
// elements of a signature, presigned URLs); Amazon S3 API Reference, "Authenticating Requests
// (AWS Signature Version 4)".

/** The algorithm identifier (first line of the string to sign, and in Authorization). */
export const ALGORITHM = "AWS4-HMAC-SHA256";
/** Prefix of kSecret: kDate = HMAC("AWS4" + secret, date). */
export const KEY_PREFIX = "AWS4";
/** The last element of the credential scope and the message of kSigning. */
export const SCOPE_TERMINATOR = "aws4_request";

/** Payload hash for requests whose body is not signed (S3, presigned URLs). */
export const UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
/** Prefix shared by the streaming (chunked) payload markers, e.g. STREAMING-AWS4-HMAC-SHA256-PAYLOAD. */
export const STREAMING_PAYLOAD_PREFIX = "STREAMING-";
/** SHA-256 of the empty string (RFC 6234 test value): the payload hash of a request with no body. */
export const EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

// Header names, lower case as they appear in the canonical request.
export const HOST = "host";
export const AUTHORIZATION = "authorization";
export const AMZ_DATE = "x-amz-date";
export const AMZ_SECURITY_TOKEN = "x-amz-security-token";
export const AMZ_CONTENT_SHA256 = "x-amz-content-sha256";

// Query parameters of a presigned URL, in the order they are appended.
export const Q_ALGORITHM = "X-Amz-Algorithm";
export const Q_CREDENTIAL = "X-Amz-Credential";
export const Q_DATE = "X-Amz-Date";
export const Q_EXPIRES = "X-Amz-Expires";
export const Q_SIGNED_HEADERS = "X-Amz-SignedHeaders";
export const Q_SECURITY_TOKEN = "X-Amz-Security-Token";
export const Q_SIGNATURE = "X-Amz-Signature";

/** The longest validity of a presigned URL: 7 days, in seconds. */
export const MAX_EXPIRES = 604800;
/** Default validity of a presigned URL, in seconds (the S3 presigner's 15 minutes). */
export const DEFAULT_EXPIRES = 900;

/**
 * Headers never signed by default. A proxy, the HTTP stack or the client may add, drop or rewrite
 * them after signing (hop-by-hop headers, RFC 9110 §7.6.1; Expect, changed by clients that retry
 * without it; tracing and user agents rewritten by infrastructure), so signing them breaks requests.
 * Every header named proxy-* is also left unsigned.
 */
export const UNSIGNED_HEADERS: readonly string[] = [
  "authorization",
  "user-agent",
  "x-amzn-trace-id",
  "expect",
  "connection",
  "keep-alive",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
];
export const UNSIGNED_HEADER_PREFIX = "proxy-";

/** Services whose requests follow the S3 rules (single encoding, no normalisation, content hash header). */
export const S3_SERVICES: readonly string[] = ["s3", "s3-express", "s3-outposts", "s3-object-lambda"];
