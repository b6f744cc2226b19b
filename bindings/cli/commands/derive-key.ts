// sigv4 derive-key: prints the SigV4 key chain (kDate, kRegion, kService, kSigning) in hex, to
// check another implementation step by step. kSecret ("AWS4" + secret) is never printed, and
// the secret is never taken from the command line.

import { signingKeyChain, toHex } from "../../index.js";
import { parseArgs, type OptionSpec } from "../args.js";
import type { Command } from "../command.js";
import { resolveCredentials } from "../credentials.js";
import { CliError, UsageError } from "../errors.js";
import { readStdin, stripNewline } from "../input.js";
import { registerSecret } from "../redact.js";

const HELP = `Usage: sigv4 derive-key [--secret-stdin | --profile NAME] --date YYYYMMDD --region REGION --service SERVICE

Derives the Signature Version 4 signing key and prints each key of the chain in hex:
  kDate    = HMAC("AWS4" + secret, YYYYMMDD)
  kRegion  = HMAC(kDate, REGION)
  kService = HMAC(kRegion, SERVICE)
  kSigning = HMAC(kService, "aws4_request")
one per line, as 'kDate <hex>'. kSecret itself is not printed.

Options:
      --secret-stdin          read the secret access key from standard input
                              (one trailing newline is removed)
      --profile NAME          use the secret of this profile of the shared credentials file
      --date YYYYMMDD         the date of the credential scope (required)
      --region REGION         required
      --service SERVICE       required
  -h, --help                  show this help

Without --secret-stdin or --profile the secret is AWS_SECRET_ACCESS_KEY, else the profile named
by AWS_PROFILE, else the [default] profile of ~/.aws/credentials (or AWS_SHARED_CREDENTIALS_FILE).

The secret is never accepted as a command-line argument: arguments are saved in shell history
and visible to every user of the machine (ps, /proc). The output is key material: treat kSigning
like a credential for that day, region and service.

Example:
  printf %s "$SECRET" | sigv4 derive-key --secret-stdin --date 20120215 --region us-east-1 --service iam
`;

const OPTIONS: readonly OptionSpec[] = [
  { long: "secret-stdin" },
  { long: "profile", value: "NAME" },
  { long: "date", value: "YYYYMMDD" },
  { long: "region", value: "REGION" },
  { long: "service", value: "SERVICE" },
  { long: "help", short: "h" },
];

const SECRET_ON_ARGV = /^--(?:secret|secret-key|secret-access-key|aws-secret-access-key|key)(?:=|$)/;
const YYYYMMDD = /^(\d{4})(\d{2})(\d{2})$/;

function isCalendarDate(text: string): boolean {
  const m = YYYYMMDD.exec(text);
  if (m === null) return false;
  const [y, mo, d] = m.slice(1).map(Number);
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function required(value: string | undefined, option: string): string {
  if (value === undefined || value === "") throw new UsageError(`derive-key needs ${option}`);
  return value;
}

export const deriveKeyCommand: Command = {
  name: "derive-key",
  summary: "print the signing key chain (kDate … kSigning) in hex",
  help: HELP,
  options: OPTIONS,
  run(argv, env) {
    if (argv.some((a) => SECRET_ON_ARGV.test(a))) {
      throw new UsageError("derive-key does not take the secret as an argument (it would be saved in shell history and visible in ps); pipe it to --secret-stdin, or use --profile or AWS_SECRET_ACCESS_KEY");
    }
    const args = parseArgs(argv, OPTIONS);
    if (args.positionals.length > 0) {
      throw new UsageError("derive-key takes no arguments (and never the secret: pipe it to --secret-stdin, or use --profile or AWS_SECRET_ACCESS_KEY)");
    }
    if (args.flag("secret-stdin") && args.has("profile")) throw new UsageError("give one of --secret-stdin and --profile, not both");
    const date = required(args.value("date"), "--date YYYYMMDD");
    if (!isCalendarDate(date)) throw new UsageError("--date must be a date as YYYYMMDD (8 digits, e.g. 20150830)");
    const region = required(args.value("region"), "--region REGION");
    const service = required(args.value("service"), "--service SERVICE");

    let secret: string;
    if (args.flag("secret-stdin")) {
      secret = stripNewline(readStdin("--secret-stdin")).toString("utf8");
      if (secret === "") throw new CliError("--secret-stdin: standard input is empty; expected the secret access key");
      registerSecret(secret);
    } else {
      secret = resolveCredentials(args.value("profile"), env, false).credentials.secretAccessKey;
    }

    const chain = signingKeyChain(secret, date, region, service);
    chain.kSecret.fill(0);
    const stdout = (["kDate", "kRegion", "kService", "kSigning"] as const).map((k) => `${k} ${toHex(chain[k])}\n`).join("");
    return { stdout };
  },
};
