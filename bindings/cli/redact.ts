// Defence in depth for "the secret access key is never printed": every secret the tool loads is
// registered here, and everything written to stderr (errors, verbose traces) passes through
// redact(). Nothing should contain a secret in the first place; this makes sure that a future
// message that quotes one by mistake prints asterisks instead.

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
