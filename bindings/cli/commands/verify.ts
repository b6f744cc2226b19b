// sigv4 verify: verifies a raw HTTP request (from a file or standard input) the way an AWS service
// would, and prints the result as JSON. Exit status 1 when the request is refused.

import { parseArgs, type OptionSpec } from "../args.js";
import type { Command } from "../command.js";
import { CREDENTIALS_HELP, resolveCredentials } from "../credentials.js";
import { CliError, UsageError } from "../errors.js";

/** Exit status of a request that was read and refused: 1, as for any failure of the tool. */
const EXIT_REFUSED = 1;
import { readFile, readStdin } from "../input.js";
import { formatJson } from "../output.js";
import { redact } from "../redact.js";
import { dateArg } from "./request-args.js";
import { verify } from "../../verify/verify.js";
import { parseHttpRequest, toVerifyRequest } from "../../verify/raw-request.js";
import type { VerifyCredentials } from "../../verify/types.js";

const HELP = `Usage: sigv4 verify [options] [FILE | -]

Verifies an AWS Signature Version 4 request (Authorization header or presigned URL) as an AWS
service would, and prints the result as JSON: the access key, region, service and signed headers,
or the error code, HTTP status and message the service would answer with (for a signature
mismatch, the canonical request and string to sign it computed).

The request is raw HTTP/1.1 from FILE, or standard input when FILE is '-' or absent: the request
line (METHOD TARGET HTTP/1.1), header lines, an empty line, the body.

Options:
      --access-key-id ID      the access key to accept (its secret from AWS_SECRET_ACCESS_KEY or
                              the profile); default: the key of the credentials found
      --profile NAME          credentials from this profile of the shared credentials file
      --region REGION         a region the scope may name (repeatable; default any)
      --service SERVICE       a service the scope may name (repeatable; default any)
      --now DATE              the server's clock, YYYYMMDDTHHMMSSZ or ISO 8601; default now
      --max-skew SECONDS      how far the request time may be from --now (default 900)
  -h, --help                  show this help

${CREDENTIALS_HELP}

Exit status: 0 the request verifies, 1 it does not (or no credentials), 2 usage error.

Example:
  sigv4 verify --region us-east-1 --service iam request.txt
`;

const OPTIONS: readonly OptionSpec[] = [
  { long: "access-key-id", value: "ID" },
  { long: "profile", value: "NAME" },
  { long: "region", value: "REGION", repeatable: true },
  { long: "service", value: "SERVICE", repeatable: true },
  { long: "now", value: "DATE" },
  { long: "max-skew", value: "SECONDS" },
  { long: "help", short: "h" },
];

function skewArg(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,6}$/.test(text) || Number(text) > 604800) throw new UsageError("--max-skew must be a whole number of seconds from 0 to 604800");
  return Number(text);
}

function list(values: string[]): string[] | undefined {
  return values.length === 0 ? undefined : values;
}

export const verifyCommand: Command = {
  name: "verify",
  summary: "verify a signed raw HTTP request as AWS would; print the result as JSON",
  help: HELP,
  options: OPTIONS,
  run(argv, env) {
    const args = parseArgs(argv, OPTIONS);
    if (args.positionals.length > 1) throw new UsageError(`verify takes one request file; got ${args.positionals.length} arguments`);
    const file = args.positionals[0] ?? "-";
    const maxSkewSeconds = skewArg(args.value("max-skew"));
    const nowText = args.value("now");
    const chosenKey = args.value("access-key-id");
    const { credentials } = resolveCredentials(args.value("profile"), env, chosenKey === undefined);
    const raw = parseHttpRequest(file === "-" ? readStdin("the request") : readFile(file, "request"));
    if (typeof raw === "string") throw new CliError(`cannot read the request: ${raw}`);

    const accessKeyId = chosenKey ?? credentials.accessKeyId;
    const known: VerifyCredentials = { secretAccessKey: credentials.secretAccessKey, ...(credentials.sessionToken === undefined ? {} : { sessionToken: credentials.sessionToken }) };
    const result = verify(toVerifyRequest(raw), {
      getCredentials: (id) => (id === accessKeyId ? known : undefined),
      regions: list(args.values("region")),
      services: list(args.values("service")),
      ...(nowText === undefined ? {} : { now: dateArg(nowText) }),
      ...(maxSkewSeconds === undefined ? {} : { maxSkewSeconds }),
    });
    // A refusal quotes the canonical request, which carries the session token.
    const stdout = redact(formatJson(result));
    if (result.ok) return { stdout };
    return { stdout, stderr: `sigv4: the request does not verify: ${result.code} (HTTP ${result.status})\n`, status: EXIT_REFUSED };
  },
};
