// Formatting of results: header lines, JSON, and a ready-to-run curl command for a POSIX shell.

/** One "name: value" line per header, in the order the signer produced them. */
export function formatHeaders(headers: Record<string, string>): string {
  return Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\n`)
    .join("");
}

export function formatJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + "\n";
}

const SAFE_WORD = /^[A-Za-z0-9_\-.,:/@%+=]+$/;

/** `text` as one word of a POSIX shell: in single quotes, each ' written as '\'' . */
export function shellQuote(text: string): string {
  return "'" + text.replace(/'/g, "'\\''") + "'";
}

/** `text` bare when it has no shell metacharacters, quoted otherwise. */
function shellWord(text: string): string {
  return SAFE_WORD.test(text) ? text : shellQuote(text);
}

/** The body for curl: a string to embed, or a file curl reads itself. */
export type CurlBody = { text: string } | { file: string };

export interface CurlRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: CurlBody;
}

/**
 * A curl command that sends exactly the signed request:
 * - -X METHOD (--head for HEAD, which curl would otherwise wait on for a body);
 * - each header as -H 'name: value' (an empty value as 'name;', curl's syntax for it, since
 *   'name:' would remove the header);
 * - the body with --data-binary, which sends bytes unchanged ('@file' for a file; a string that
 *   starts with '@' goes through --data-raw, which does not read files);
 * - --globoff when the URL has [ ] { }, which curl would otherwise expand as globs.
 */
export function formatCurl(req: CurlRequest): string {
  const parts: string[] = ["curl"];
  parts.push(req.method === "HEAD" ? "--head" : `-X ${shellWord(req.method)}`);
  for (const [name, value] of Object.entries(req.headers)) {
    parts.push(`-H ${shellQuote(value === "" ? `${name};` : `${name}: ${value}`)}`);
  }
  if (req.body !== undefined) {
    if ("file" in req.body) parts.push(`--data-binary ${shellQuote("@" + req.body.file)}`);
    else parts.push(`${req.body.text.startsWith("@") ? "--data-raw" : "--data-binary"} ${shellQuote(req.body.text)}`);
  }
  if (/[[\]{}]/.test(req.url)) parts.push("--globoff");
  parts.push(shellQuote(req.url));
  return parts.join(" \\\n  ") + "\n";
}

/** What sign and presign print for --output json and curl; anything else is their own plain form. */
export function formatSigned(
  output: string,
  result: { method: string; url: string; headers: Record<string, string> },
  body: () => CurlRequest["body"],
  plain: () => string,
): string {
  if (output === "json") return formatJson(result);
  if (output === "curl") return formatCurl({ method: result.method, url: result.url, headers: result.headers, body: body() });
  return plain();
}

/** The verbose trace of a signature: labelled blocks, for stderr. */
export function formatTrace(lines: readonly string[], canonicalRequest: string, stringToSign: string): string {
  return (
    lines.map((l) => `sigv4: ${l}\n`).join("") +
    "---- canonical request ----\n" +
    canonicalRequest +
    "\n---- string to sign ----\n" +
    stringToSign +
    "\n---- end ----\n"
  );
}
