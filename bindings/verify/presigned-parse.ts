// Reads the presigning parameters of a query string (AWS SigV4 documentation, "Authentication
// parameters in a query string"; Amazon S3 API Reference, "Authenticating Requests: Using Query
// Parameters"). Names are matched without regard to case, as S3 does; values are percent-decoded.

import { Q_ALGORITHM, Q_CREDENTIAL, Q_DATE, Q_EXPIRES, Q_SIGNED_HEADERS, Q_SECURITY_TOKEN, Q_SIGNATURE, Q_CONTENT_SHA256, PRESIGN_PARAMS } from "../constants.js";

export interface QueryAuthFields {
  algorithm?: string;
  credential?: string;
  date?: string;
  expires?: string;
  signedHeaders?: string;
  signature?: string;
  securityToken?: string;
  contentSha256?: string;
}

/** In the order a missing one is reported by services other than S3. */
export const REQUIRED_PARAMETERS = [Q_ALGORITHM, Q_CREDENTIAL, Q_SIGNATURE, Q_SIGNED_HEADERS, Q_DATE] as const;

const PRESIGNING_PARAMETERS = [...PRESIGN_PARAMS, Q_CONTENT_SHA256];

/** The first presigning parameter among the `repeated` lower-case names, as AWS spells it. */
export function repeatedParameter(repeated: ReadonlySet<string>): string | undefined {
  return repeated.size === 0 ? undefined : PRESIGNING_PARAMETERS.find((name) => repeated.has(name.toLowerCase()));
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
    contentSha256: read(params, Q_CONTENT_SHA256),
  };
}
