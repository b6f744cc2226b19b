// Defence in depth for "the secret access key is never printed": every secret the tool loads is
// registered here, and everything written to stderr (errors, verbose traces) passes through
// redact(). Nothing should contain a secret in the first place; this makes sure that a future
// message that quotes one by mistake prints asterisks instead. The session token is registered
// too: it is part of temporary credentials, and a verbose trace or a verification result that
// quotes it is often pasted where others read it. Output the user asked for in order to send it
// (signed headers, a curl command, a presigned URL) carries the token as it must.

const secrets = new Set<string>();

/** Short strings are not registered: replacing every "a" in a message would mangle it. */
const MIN_LENGTH = 8;

export function registerSecret(secret: string): void {
  if (secret.length >= MIN_LENGTH) secrets.add(secret);
}

/** `text` with every registered secret replaced by asterisks. */
export function redact(text: string): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join("****");
  return out;
}
