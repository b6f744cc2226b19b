// sigv4 presign: signs a request into its URL (query-string signing) and prints the URL.

import { presign, type PresignOptions } from "../../index.js";
import { parseArgs, type OptionSpec } from "../args.js";
import type { Command } from "../command.js";
import { CREDENTIALS_HELP } from "../credentials.js";
import { UsageError } from "../errors.js";
import { formatSigned, formatTrace } from "../output.js";
import { REQUEST_HELP, REQUEST_OPTIONS, requestArgs } from "./request-args.js";

const HELP = `Usage: sigv4 presign [options] <url>

Presigns a request: the signature goes into the URL's query string (X-Amz-Signature), so the
URL works without credentials until it expires. Prints the URL.

${REQUEST_HELP}
      --expires SECONDS       how long the URL stays valid: 1 to 604800 (7 days); default 900
      --hoist                 put x-amz-* headers into the URL (signed there), so that it works
                              without them; x-amz-content-sha256 and SSE-C key headers stay headers

Output:
      --output FORMAT         url (default): the presigned URL
                              json: the URL, method, headers to send, expiry, canonical request
                              and string to sign
                              curl: a curl command that fetches the URL
  -v, --verbose               print the canonical request and the string to sign to stderr
  -h, --help                  show this help

Headers given with -H are signed (except those left unsigned by default, such as user-agent, which
are dropped) and must be sent with the URL; with --output url sigv4 lists them on stderr.
For S3 the payload is UNSIGNED-PAYLOAD by default.

${CREDENTIALS_HELP}

Examples:
  sigv4 presign https://examplebucket.s3.amazonaws.com/test.txt
  sigv4 presign --expires 3600 -X PUT https://bucket.s3.eu-west-1.amazonaws.com/upload.bin
`;

const EXPIRES = /^\d+$/;
const OPTIONS: readonly OptionSpec[] = [...REQUEST_OPTIONS, { long: "expires", value: "SECONDS" }, { long: "hoist" }];

export const presignCommand: Command = {
  name: "presign",
  summary: "presign a request: print a URL that carries its signature",
  help: HELP,
  options: OPTIONS,
  run(argv, env) {
    const parsed = parseArgs(argv, OPTIONS);
    const expires = parsed.value("expires");
    if (expires !== undefined && !EXPIRES.test(expires)) throw new UsageError("--expires must be a whole number of seconds");
    const args = requestArgs(parsed, env, "presign", ["url", "json", "curl"]);
    const options: PresignOptions = { ...args.options, ...(expires === undefined ? {} : { expiresIn: Number(expires) }), ...(parsed.flag("hoist") ? { hoist: "x-amz" as const } : {}) };
    const presigned = presign(args.request, options);

    let stderr = args.verbose ? formatTrace(args.trace, presigned.canonicalRequest, presigned.stringToSign) : "";
    const extra = Object.entries(presigned.headers);
    if (extra.length > 0 && args.output === "url") {
      stderr += `sigv4: note: the URL is valid only with these signed headers:\n` + extra.map(([n, v]) => `  ${n}: ${v}\n`).join("");
    }
    return { stdout: formatSigned(args.output, presigned, args.curlBody, () => presigned.url + "\n"), stderr };
  },
};
