// Reads the presigning parameters of a query string (AWS SigV4 documentation, "Authentication
// parameters in a query string"; Amazon S3 API Reference, "Authenticating Requests: Using Query
// Parameters"). Names are matched without regard to case, as S3 does; values are percent-decoded.
// An X-Amz-Content-Sha256 parameter is an ordinary one: S3 takes a payload hash from the header
// only (aws-sdk-go #1974, #1976: a hash hoisted into the query always failed).

import { Q_ALGORITHM, Q_CREDENTIAL, Q_DATE, Q_EXPIRES, Q_SIGNED_HEADERS, Q_SECURITY_TOKEN, Q_S3SESSION_TOKEN, Q_SIGNATURE, PRESIGN_PARAMS } from "../constants.js";

export interface QueryAuthFields {
  algorithm?: string;
  credential?: string;
  date?: string;
  expires?: string;
  signedHeaders?: string;
  signature?: string;
  securityToken?: string;
  s3SessionToken?: string;
}

/** In the order a missing one is reported by services other than S3. */
export const REQUIRED_PARAMETERS = [Q_ALGORITHM, Q_CREDENTIAL, Q_SIGNATURE, Q_SIGNED_HEADERS, Q_DATE] as const;

/** The first presigning parameter among the `repeated` lower-case names, as AWS spells it. */
export function repeatedParameter(repeated: ReadonlySet<string>): string | undefined {
  return repeated.size === 0 ? undefined : PRESIGN_PARAMS.find((name) => repeated.has(name.toLowerCase()));
}

/** Whether the query carries a query-string signature at all. */
export function isPresigned(params: Map<string, string | undefined>): boolean {
  return [Q_ALGORITHM, Q_CREDENTIAL, Q_SIGNATURE].some((name) => params.has(name.toLowerCase()));
}

/** A parameter's decoded value; a malformed escape reads as an empty value (so it is reported as missing or malformed). */
function read(params: Map<string, string | undefined>, name: string): string | undefined {
  if (!params.has(name.toLowerCase())) return undefined;
  return params.get(name.toLowerCase()) ?? "";
}

export function readQueryAuth(params: Map<string, string | undefined>): QueryAuthFields {
  const nonEmpty = (name: string): string | undefined => read(params, name) || undefined;
  return {
    algorithm: nonEmpty(Q_ALGORITHM),
    credential: nonEmpty(Q_CREDENTIAL),
    date: nonEmpty(Q_DATE),
    expires: read(params, Q_EXPIRES),
    signedHeaders: nonEmpty(Q_SIGNED_HEADERS),
    signature: nonEmpty(Q_SIGNATURE),
    securityToken: read(params, Q_SECURITY_TOKEN),
    s3SessionToken: read(params, Q_S3SESSION_TOKEN),
  };
}
