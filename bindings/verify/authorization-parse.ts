// Reads an Authorization header: "AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…"
// (AWS SigV4 documentation, "Add the signature to the request"). The algorithm is the first word;
// the components follow, separated by commas, spaces or both (the IAM examples write ", ", the
// S3 examples ",", and AWS also accepts whitespace alone). A component is name=value; values
// never contain a comma or whitespace.

export interface AuthorizationFields {
  algorithm: string;
  credential?: string;
  signedHeaders?: string;
  signature?: string;
  /** A component without '=' ("SignedHeaders" alone), which AWS rejects before anything else. */
  pairWithoutEquals: boolean;
}

const SEPARATORS = /[,\s]+/;

export function parseAuthorization(header: string): AuthorizationFields {
  const trimmed = header.trim();
  const space = trimmed.search(/\s/);
  const fields: AuthorizationFields = { algorithm: space < 0 ? trimmed : trimmed.slice(0, space), pairWithoutEquals: false };
  if (space < 0) return fields;
  for (const part of trimmed.slice(space + 1).split(SEPARATORS)) {
    if (part === "") continue;
    const eq = part.indexOf("=");
    if (eq < 0) {
      fields.pairWithoutEquals = true;
      continue;
    }
    const value = part.slice(eq + 1);
    // The first of a repeated component counts; an empty one counts as missing.
    switch (part.slice(0, eq)) {
      case "Credential":
        fields.credential ??= value || undefined;
        break;
      case "SignedHeaders":
        fields.signedHeaders ??= value || undefined;
        break;
      case "Signature":
        fields.signature ??= value || undefined;
        break;
    }
  }
  return fields;
}
