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
/** Where S3 Express One Zone takes the token of session credentials from CreateSession (the AWS SDKs' S3 Express signer). */
export const AMZ_S3SESSION_TOKEN = "x-amz-s3session-token";
export const AMZ_CONTENT_SHA256 = "x-amz-content-sha256";
/** The prefix of AWS's own headers: S3 requires them signed, and presigning may hoist them into the query. */
export const AMZ_PREFIX = "x-amz-";

// Query parameters of a presigned URL, in the order they are appended.
export const Q_ALGORITHM = "X-Amz-Algorithm";
export const Q_CREDENTIAL = "X-Amz-Credential";
export const Q_DATE = "X-Amz-Date";
export const Q_EXPIRES = "X-Amz-Expires";
export const Q_SIGNED_HEADERS = "X-Amz-SignedHeaders";
export const Q_SECURITY_TOKEN = "X-Amz-Security-Token";
export const Q_S3SESSION_TOKEN = "X-Amz-S3session-Token";
export const Q_SIGNATURE = "X-Amz-Signature";
/** Headers that stay headers when presigning hoists x-amz-* headers into the query (S3 reads the payload hash only from its header). */
export const UNHOISTED_HEADERS: readonly string[] = [AMZ_CONTENT_SHA256];
/** What the SSE-C key headers' names hold (x-amz-[copy-source-]server-side-encryption-customer-key[-md5]): never hoisted into a URL. */
export const CUSTOMER_KEY_MARK = "-customer-key";
/** The query parameters presigning sets. */
export const PRESIGN_PARAMS = [Q_ALGORITHM, Q_CREDENTIAL, Q_DATE, Q_EXPIRES, Q_SIGNED_HEADERS, Q_SECURITY_TOKEN, Q_S3SESSION_TOKEN, Q_SIGNATURE];

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

/**
 * Services whose requests follow the S3 rules (single encoding, no normalisation, a signed content
 * hash header, every x-amz-* header signed): their signing names in credential scopes ("s3express"
 * is S3 Express One Zone's).
 */
export const S3_SERVICES: readonly string[] = ["s3", "s3express", "s3-outposts", "s3-object-lambda"];
/** S3 Express One Zone's signing name, whose session credentials carry their token in AMZ_S3SESSION_TOKEN. */
export const S3_EXPRESS = "s3express";

// ==== Verification of incoming requests (bindings/verify/) ====================================
// The names a verifier reads and the wording AWS services answer with. Sources, for each group below:
//   - IAM User Guide, "Troubleshoot signed requests for AWS APIs" (the scope and clock messages);
//   - AWS "Common Errors" of the service API references (codes and HTTP statuses);
//   - error bodies recorded from AWS services in public issue threads and test suites: DynamoDB
//     (mhart/dynalite, 2013), STS (boto/boto3#756, an STS wire oracle), SES (brendanhay/amazonka#316),
//     API Gateway (the hashed-Authorization messages), S3 (aws/aws-cli#5464, bryanjos/aws_auth#31,
//     OpenStack Swift s3api and S3 emulators that replay S3's bodies).

// ---- What a verifier reads -------------------------------------------------------------------

/** The header that carries the request time when x-amz-date is absent (IAM: "Handling dates"). */
export const DATE_HEADER = "date";
/** Default clock skew, in seconds: AWS accepts requests within 15 minutes of their time stamp. */
export const DEFAULT_MAX_SKEW_SECONDS = 900;
/** x-amz-content-sha256 values S3 accepts besides a hash (the S3 InvalidArgument message lists them). */
export const S3_PAYLOAD_MARKERS: readonly string[] = [
  "UNSIGNED-PAYLOAD",
  "STREAMING-UNSIGNED-PAYLOAD-TRAILER",
  "STREAMING-AWS4-HMAC-SHA256-PAYLOAD",
  "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER",
  "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD",
  "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER",
];

// ---- AWS services other than S3 (query and JSON protocols) ------------------------------------

export const MSG_MISSING_TOKEN = "Request is missing Authentication Token";
export const MSG_INVALID_CLIENT_TOKEN = "The security token included in the request is invalid.";
export const MSG_SIGNATURE_MISMATCH =
  "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
export const MSG_CANONICAL_INTRO = "The Canonical String for this request should have been";
export const MSG_STRING_TO_SIGN_INTRO = "The String-to-Sign should have been";
export const MSG_HASHED = "(Hashed with SHA-256 and encoded with Base64)";
export const MSG_REQUIRES_DATE = "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.";
export const MSG_HOST_UNSIGNED = "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.";
export const MSG_CREDENTIAL_PARTS = "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term,";
export const MSG_REEXAMINE_QUERY = "Re-examine the query-string parameters.";
export const MSG_REQUEST_EXPIRED = "Request has expired.";
export const ISO_8601_LINK = "http://en.wikipedia.org/wiki/ISO_8601";

// ---- Amazon S3 --------------------------------------------------------------------------------

export const S3_MSG_ACCESS_DENIED = "Access Denied";
export const S3_MSG_SIGNATURE_MISMATCH = "The request signature we calculated does not match the signature you provided. Check your key and signing method.";
export const S3_MSG_UNKNOWN_KEY = "The AWS Access Key Id you provided does not exist in our records.";
export const S3_MSG_INVALID_TOKEN = "The provided token is malformed or otherwise invalid.";
export const S3_MSG_MALFORMED = "The authorization header is malformed; ";
export const S3_MSG_COMPONENTS = "the authorization header requires three components: Credential, SignedHeaders, and Signature.";
export const S3_MSG_CREDENTIAL_SHAPE = 'the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".';
export const S3_MSG_QUERY_CREDENTIAL = "Error parsing the X-Amz-Credential parameter; ";
export const S3_MSG_UNSUPPORTED_TYPE = "Unsupported Authorization Type";
export const S3_MSG_SIGV2 = "The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.";
export const S3_MSG_NO_DATE = "AWS authentication requires a valid Date or x-amz-date header";
export const S3_MSG_SKEWED = "The difference between the request time and the current time is too large.";
export const S3_MSG_HEADERS_NOT_SIGNED = "There were headers present in the request which were not signed";
export const S3_MSG_MISSING_CONTENT_SHA256 = "Missing required header for this request: x-amz-content-sha256";
export const S3_MSG_CONTENT_SHA256_MISMATCH = "The provided 'x-amz-content-sha256' header does not match what was computed.";
export const S3_MSG_QUERY_REQUIRED =
  "Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.";
export const S3_MSG_QUERY_ALGORITHM = 'X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"';
export const S3_MSG_QUERY_DATE = `X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd'T'HHmmss'Z'"`;
export const S3_MSG_EXPIRED = "Request has expired";
export const S3_MSG_NOT_YET_VALID = "Request is not yet valid";

// Both families: the limits of X-Amz-Expires (S3's AuthorizationQueryParametersError wording).
export const MSG_EXPIRES_NOT_NUMBER = "X-Amz-Expires should be a number";
export const MSG_EXPIRES_NEGATIVE = "X-Amz-Expires must be non-negative";
export const MSG_EXPIRES_TOO_LONG = "X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds";
// Our wording (no AWS message for it is known): a presigning parameter given twice, whichever
// copy a reader took, could stretch a URL's lifetime or change its scope after signing.
export const MSG_QUERY_REPEATED = " must appear only once in the query string";
