// The options sign and presign share: the request (method, URL, headers, body), the scope
// (region, service, date), the credentials, and the output switches. Usage is checked first
// (exit 2), before any file, standard input or credential is read.

import { SigningError, type HttpRequest, type SignOptions } from "../../index.js";
import type { OptionSpec, ParsedArgs } from "../args.js";
import type { Env } from "../command.js";
import { resolveCredentials } from "../credentials.js";
import { resolveScope } from "../endpoint.js";
import { CliError, UsageError } from "../errors.js";
import { dataSource, readData, type DataSource } from "../input.js";
import type { CurlBody } from "../output.js";

export const REQUEST_OPTIONS: readonly OptionSpec[] = [
  { long: "method", short: "X", value: "METHOD" },
  { long: "header", short: "H", value: "'NAME: VALUE'", repeatable: true },
  { long: "data", value: "STRING" },
  { long: "data-binary", value: "@FILE" },
  { long: "unsigned-payload" },
  { long: "region", value: "REGION" },
  { long: "service", value: "SERVICE" },
  { long: "date", value: "DATE" },
  { long: "profile", value: "NAME" },
  { long: "output", value: "FORMAT" },
  { long: "verbose", short: "v" },
  { long: "help", short: "h" },
];

export const REQUEST_HELP = `Request:
  -X, --method METHOD         HTTP method (default GET, or POST when a body is given)
  -H, --header 'NAME: VALUE'  a header to send and sign (repeatable); 'NAME;' for an empty value
      --data STRING           the request body, taken literally
      --data-binary @FILE     the request body read from FILE, or '@-' for standard input
                              (without '@', the argument itself is the body)
      --unsigned-payload      sign UNSIGNED-PAYLOAD instead of the SHA-256 of the body

Signing:
      --region REGION         default: inferred from an *.amazonaws.com(.cn) host
      --service SERVICE       default: inferred from an *.amazonaws.com(.cn) host
                              (iam.amazonaws.com → iam, us-east-1; bucket.s3.us-west-2.… → s3, us-west-2)
      --date DATE             signing time, YYYYMMDDTHHMMSSZ or ISO 8601 (2015-08-30T12:36:00Z);
                              default now
      --profile NAME          credentials from this profile of the shared credentials file`;

export interface RequestArgs {
  request: HttpRequest;
  options: SignOptions;
  output: string;
  verbose: boolean;
  /** For --output curl: the body as curl should send it (undefined: no body). */
  curlBody: () => CurlBody | undefined;
  /** "credentials: …" and "scope: …" lines for --verbose. */
  trace: string[];
}

/** "Name: value" as curl takes it: the value's leading blanks are dropped; "Name;" is an empty value. */
export function parseHeader(arg: string): [string, string] {
  const colon = arg.indexOf(":");
  if (colon < 0) {
    if (arg.endsWith(";") && arg.length > 1) return [arg.slice(0, -1).trim(), ""];
    throw new UsageError("-H/--header expects 'Name: value' (a header without ':')");
  }
  const name = arg.slice(0, colon).trim();
  if (name === "") throw new UsageError("-H/--header expects 'Name: value' (a header with no name)");
  return [name, arg.slice(colon + 1).replace(/^[ \t]+/, "")];
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?[+-]\d{2}:\d{2}$/;

/** --date: the library reads YYYYMMDDTHHMMSSZ and YYYY-MM-DDTHH:MM:SS[.sss]Z; an ISO time with an offset is converted here. */
export function dateArg(text: string): string | number {
  if (ISO_WITH_OFFSET.test(text)) {
    const ms = Date.parse(text);
    if (Number.isFinite(ms)) return ms;
  }
  return text;
}

/** Exactly one positional: the URL. */
export function urlArg(args: ParsedArgs, command: string): string {
  if (args.positionals.length === 0) throw new UsageError(`${command} needs a URL`);
  if (args.positionals.length > 1) throw new UsageError(`${command} takes one URL; got ${args.positionals.length} arguments (quote a URL that contains '&')`);
  return args.positionals[0];
}

/** The host the request is signed for: a Host header given with -H, else the URL's. */
function signedHost(url: string, headers: readonly [string, string][]): string {
  const given = headers.find(([name]) => name.toLowerCase() === "host");
  if (given !== undefined) return given[1].trim();
  try {
    return new URL(url).host;
  } catch {
    throw new SigningError("InvalidUrl", "url", "is not an absolute URL");
  }
}

function isText(bytes: Buffer): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function bodyForCurl(source: DataSource | undefined, body: string | Buffer | undefined): CurlBody | undefined {
  if (source === undefined || body === undefined) return undefined;
  if (source.kind === "file") return { file: source.path };
  if (typeof body === "string") return { text: body };
  const text = isText(body);
  if (text === undefined) throw new CliError("--output curl cannot embed a binary body read from standard input; save it to a file and pass --data-binary @FILE");
  return { text };
}

/** Reads the shared options; `outputs` are the --output formats the command accepts, the first the default. */
export function requestArgs(args: ParsedArgs, env: Env, command: string, outputs: readonly string[]): RequestArgs {
  const url = urlArg(args, command);
  const output = args.value("output") ?? outputs[0];
  if (!outputs.includes(output)) throw new UsageError(`--output must be one of ${outputs.join(", ")}`);
  const headers = args.values("header").map(parseHeader);
  if (args.has("data") && args.has("data-binary")) throw new UsageError("give the body once: --data or --data-binary, not both");
  const data = args.value("data");
  const dataBinary = args.value("data-binary");
  const source: DataSource | undefined = data !== undefined ? { kind: "literal", text: data } : dataBinary !== undefined ? dataSource(dataBinary) : undefined;
  const method = args.value("method") ?? (source === undefined ? "GET" : "POST");
  const dateText = args.value("date");

  const host = signedHost(url, headers);
  const scope = resolveScope(host, args.value("region"), args.value("service"));
  const { credentials, source: credentialSource } = resolveCredentials(args.value("profile"), env);
  const body = source === undefined ? undefined : readData(source, "--data-binary");

  const options: SignOptions = { credentials, region: scope.region, service: scope.service };
  if (dateText !== undefined) options.date = dateArg(dateText);
  if (args.flag("unsigned-payload")) options.payload = "unsigned";
  return {
    request: { method, url, headers, ...(body === undefined ? {} : { body }) },
    options,
    output,
    verbose: args.flag("verbose"),
    curlBody: () => bodyForCurl(source, body),
    trace: [
      `credentials: ${credentialSource}`,
      `region ${scope.region}, service ${scope.service}` + (scope.inferred ? ` (inferred from the host ${host})` : ""),
    ],
  };
}
