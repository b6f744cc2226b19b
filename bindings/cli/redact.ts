// Defence in depth for "the secret access key is never printed": every secret the tool loads is
// registered here, and everything written to stderr (errors, verbose traces) passes through
// redact(). Nothing should contain a secret in the first place; this makes sure that a future
// message that quotes one by mistake prints asterisks instead. The session token is registered
// too: it is part of temporary credentials, and a verbose trace or a verification result that
// quotes it is often pasted where others read it. Output the user asked for in order to send it
// (signed headers, a curl command, a presigned URL) carries the token as it must.

import { uriEncode } from "../canonical/encode.js";
import { spacedHex } from "../bytes.js";

const secrets = new Set<string>();

/** Short strings are not registered: replacing every "a" in a message would mangle it. */
const MIN_LENGTH = 8;

/**
 * Registers `secret` in every form output can quote it: as it is, percent-encoded as a presigned
 * URL and its canonical query carry it (SigV4's UriEncode, and encodeURIComponent's for another
 * client's URL), and each of those as S3's spaced hex bytes. A session token holds '/', '+' and '='.
 */
export function registerSecret(secret: string): void {
  if (secret.length < MIN_LENGTH) return;
  for (const form of new Set([secret, uriEncode(secret, "raw-component", "secret"), encodeURIComponent(secret)])) {
    secrets.add(form);
    secrets.add(spacedHex(form));
  }
}

/** `text` with every registered secret replaced by asterisks. */
export function redact(text: string): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join("****");
  return out;
}
