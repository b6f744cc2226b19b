// What verify() takes and returns.

import type { HeadersInput } from "../request.js";
import type { DateInput } from "../date.js";
import type { UriEncoding } from "../canonical/uri.js";

/** A request as a server received it. */
export interface VerifyRequest {
  /** The method of the request line. */
  method: string;
  /**
   * The request target exactly as in the request line ("/path?query", not decoded), or an
   * absolute URL whose path and query are taken as written.
   */
  url: string | URL;
  /** The headers as received: a record (arrays are repeated headers) or [name, value] pairs (node's rawHeaders paired up). */
  headers: HeadersInput;
  /** The body as received. Omitted with `payloadHash`, or for a request without a body. */
  body?: string | Uint8Array | ArrayBuffer | ArrayBufferView | null;
  /** The lowercase hex SHA-256 of the body, for a body that was hashed while it streamed in. Wins over `body`. */
  payloadHash?: string;
}

/** The secret of an access key, and the session token its temporary credentials must carry. */
export interface VerifyCredentials {
  secretAccessKey: string;
  sessionToken?: string;
}

export type GetCredentials = (accessKeyId: string) => VerifyCredentials | undefined;
export type GetCredentialsAsync = (accessKeyId: string) => VerifyCredentials | undefined | Promise<VerifyCredentials | undefined>;

export interface VerifyOptions<Lookup = GetCredentials> {
  /** The secret (and session token) of an access key id; undefined for a key that does not exist. */
  getCredentials: Lookup;
  /** The server's clock: a time or a function returning one. Default: Date.now(). */
  now?: DateInput | (() => DateInput);
  /** Regions the credential scope may name. Default: any. */
  regions?: readonly string[];
  /**
   * Services the credential scope may name. Default: any. When every one is an S3 service, errors
   * are worded as Amazon S3 words them even before the scope is read.
   */
  services?: readonly string[];
  /** How far the request time may be from `now`, in seconds (0 to 604800). Default 900, as AWS. */
  maxSkewSeconds?: number;
  /** The path encoding clients sign with. Default by the scope's service, as the signer: 'single' for S3, 'double' for the rest. */
  uriEncoding?: UriEncoding;
  /** Whether clients remove dot segments and repeated slashes before signing. Default by the scope's service: false for S3, true for the rest. */
  normalizePath?: boolean;
}

/** How the body was covered: by its hash, not at all (UNSIGNED-PAYLOAD), or chunk by chunk (STREAMING-…). */
export type PayloadKind = "signed" | "unsigned" | "streaming";

export interface VerifySuccess {
  ok: true;
  accessKeyId: string;
  region: string;
  service: string;
  /** The request time (x-amz-date, X-Amz-Date or Date). */
  date: Date;
  /** Lower-case names, as listed by the client. */
  signedHeaders: string[];
  payload: PayloadKind;
  /** The last line of the canonical request: a hex hash or the marker. */
  payloadHash: string;
  /** Authorization header or presigned URL. */
  location: "header" | "query";
  /** When a presigned URL stops being valid. */
  expiresAt?: Date;
}

/** The AWS error codes verify() answers with. */
export type VerifyErrorCode =
  // Services other than S3 (the AWS "Common Errors" codes).
  | "MissingAuthenticationToken"
  | "IncompleteSignature"
  | "InvalidClientTokenId"
  | "SignatureDoesNotMatch"
  | "RequestExpired"
  // Amazon S3.
  | "AccessDenied"
  | "AuthorizationHeaderMalformed"
  | "AuthorizationQueryParametersError"
  | "InvalidAccessKeyId"
  | "InvalidToken"
  | "InvalidArgument"
  | "InvalidRequest"
  | "RequestTimeTooSkewed"
  | "XAmzContentSHA256Mismatch";

/** Which service family's wording an error follows: Amazon S3, or every other service. */
export type ErrorStyle = "s3" | "aws";

export interface VerifyFailure {
  ok: false;
  /** The HTTP status the service answers with. */
  status: number;
  code: VerifyErrorCode;
  /** The message exactly as the service words it (for services other than S3, a signature mismatch carries both strings in it). */
  message: string;
  style: ErrorStyle;
  /** S3's extra error elements, in the order S3 writes them (Region, AWSAccessKeyId, RequestTime, …). */
  details?: Record<string, string>;
  /** What the server computed, for a signature mismatch. */
  canonicalRequest?: string;
  stringToSign?: string;
}

export type VerifyResult = VerifySuccess | VerifyFailure;
