// sigv4 explain: compares what a client signed with what the service answered (its raw error
// body) and says which part of the signature differs and why.

import { parseArgs, type OptionSpec } from "../args.js";
import type { Command } from "../command.js";
import { CliError, UsageError } from "../errors.js";
import { readFile, readStdin } from "../input.js";
import { formatJson } from "../output.js";
import { registerSecret, redact } from "../redact.js";
import { explain, type ClientSide } from "../../explain/explain.js";
import { AMZ_SECURITY_TOKEN, AMZ_S3SESSION_TOKEN, Q_SECURITY_TOKEN, Q_S3SESSION_TOKEN } from "../../constants.js";
import { formatExplanation } from "../../explain/format.js";

const HELP = `Usage: sigv4 explain (--signed FILE | --canonical-request FILE [--string-to-sign FILE]) [RESPONSE | -]

Explains a refused signature: compares the canonical request and string to sign the client used
with the ones in the service's error, and names the first part that differs (method, path,
query, a header, the signed-header list, the payload hash, the date, the scope) and its usual
cause (a body changed after hashing, a header rewritten by a proxy, a path encoded twice, clock
skew, a wrong region or service, a missing session token, a wrong secret).

What the client signed (one of):
      --signed FILE               the JSON that 'sigv4 sign --output json' (or presign) printed
      --canonical-request FILE    the client's canonical request, as text
      --string-to-sign FILE       the client's string to sign, as text (with --canonical-request)

RESPONSE is the error body the service sent (S3 XML, query XML, JSON, or the message an SDK
printed), from a file, or standard input when '-' or absent.

Output:
      --output FORMAT             text (default) or json
  -h, --help                      show this help

Example:
  sigv4 sign --output json --date 20150830T123600Z https://iam.amazonaws.com/ > signed.json
  sigv4 explain --signed signed.json error.xml
`;

const OPTIONS: readonly OptionSpec[] = [
  { long: "signed", value: "FILE" },
  { long: "canonical-request", value: "FILE" },
  { long: "string-to-sign", value: "FILE" },
  { long: "output", value: "FORMAT" },
  { long: "help", short: "h" },
];

/** A text file without the one newline an editor or `echo` adds. */
function text(path: string, what: string): string {
  return readFile(path, what).toString("utf8").replace(/\r?\n$/, "");
}

/** What the client signed, as the CLI reads it: its strings. */
type SignedStrings = Extract<ClientSide, { canonicalRequest: string }>;

function fromSignedJson(path: string): SignedStrings {
  let parsed: { canonicalRequest?: unknown; stringToSign?: unknown };
  try {
    parsed = JSON.parse(readFile(path, "--signed").toString("utf8")) as typeof parsed;
  } catch {
    throw new CliError(`--signed ${path} is not JSON (expected the output of 'sigv4 sign --output json')`);
  }
  if (typeof parsed?.canonicalRequest !== "string") throw new CliError(`--signed ${path} has no canonicalRequest (expected the output of 'sigv4 sign --output json')`);
  return { canonicalRequest: parsed.canonicalRequest, ...(typeof parsed.stringToSign === "string" ? { stringToSign: parsed.stringToSign } : {}) };
}

function clientSide(signed: string | undefined, creq: string | undefined, sts: string | undefined): SignedStrings {
  if (signed !== undefined && (creq !== undefined || sts !== undefined)) throw new UsageError("give --signed, or --canonical-request (with --string-to-sign), not both");
  if (signed !== undefined) return fromSignedJson(signed);
  if (creq === undefined) throw new UsageError("explain needs what the client signed: --signed FILE or --canonical-request FILE");
  return { canonicalRequest: text(creq, "--canonical-request"), ...(sts === undefined ? {} : { stringToSign: text(sts, "--string-to-sign") }) };
}

// A session token in a canonical request (a header line, or a query parameter), or in an error
// body quoting one: explain's output quotes the lines that differ, and a token is a credential.
// The names (letters and '-') read as themselves in a regular expression.
const TOKEN_VALUES = new RegExp(
  `(?:^|\\n)(?:${AMZ_SECURITY_TOKEN}|${AMZ_S3SESSION_TOKEN}):([^\\n]*)|(?:${Q_SECURITY_TOKEN}|${Q_S3SESSION_TOKEN})=([^&\\n<"]*)`,
  "gi",
);

function registerTokens(text: string): void {
  for (const m of text.matchAll(TOKEN_VALUES)) registerSecret((m[1] ?? m[2]).trim());
}

export const explainCommand: Command = {
  name: "explain",
  summary: "explain a SignatureDoesNotMatch (or other signature error) from the service's error body",
  help: HELP,
  options: OPTIONS,
  run(argv) {
    const args = parseArgs(argv, OPTIONS);
    const output = args.value("output") ?? "text";
    if (output !== "text" && output !== "json") throw new UsageError("--output must be text or json");
    if (args.positionals.length > 1) throw new UsageError(`explain takes one response file; got ${args.positionals.length} arguments`);
    const client = clientSide(args.value("signed"), args.value("canonical-request"), args.value("string-to-sign"));
    const file = args.positionals[0] ?? "-";
    const response = (file === "-" ? readStdin("the response") : readFile(file, "response")).toString("utf8");
    const explanation = explain({ client, response });
    registerTokens(client.canonicalRequest);
    registerTokens(response);
    return { stdout: redact(output === "json" ? formatJson(explanation) : formatExplanation(explanation)) };
  },
};
