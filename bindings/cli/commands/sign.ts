// sigv4 sign: signs a request with an Authorization header and prints what to send.

import { sign } from "../../index.js";
import { parseArgs } from "../args.js";
import type { Command } from "../command.js";
import { CREDENTIALS_HELP } from "../credentials.js";
import { formatHeaders, formatSigned, formatTrace } from "../output.js";
import { REQUEST_HELP, REQUEST_OPTIONS, requestArgs } from "./request-args.js";

const HELP = `Usage: sigv4 sign [options] <url>

Signs an HTTP request with AWS Signature Version 4 (Authorization header) and prints the
headers to send with it.

${REQUEST_HELP}

Output:
      --output FORMAT         headers (default): one 'name: value' line per header to send
                              json: the signed request with its canonical request and string to sign
                              curl: a curl command that sends the signed request
  -v, --verbose               print the canonical request and the string to sign to stderr
  -h, --help                  show this help

${CREDENTIALS_HELP}

Examples:
  sigv4 sign 'https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08'
  sigv4 sign --output curl -H 'content-type: application/x-amz-json-1.1' \\
      -H 'x-amz-target: TrentService.ListKeys' --data '{}' https://kms.eu-west-1.amazonaws.com/ | sh
  sigv4 sign -X PUT --data-binary @photo.jpg https://bucket.s3.us-west-2.amazonaws.com/photo.jpg
`;

export const signCommand: Command = {
  name: "sign",
  summary: "sign a request (Authorization header); print its headers, JSON or a curl command",
  help: HELP,
  options: REQUEST_OPTIONS,
  run(argv, env) {
    const args = requestArgs(parseArgs(argv, REQUEST_OPTIONS), env, "sign", ["headers", "json", "curl"]);
    const signed = sign(args.request, args.options);
    const stderr = args.verbose ? formatTrace([...args.trace, `scope: ${signed.credentialScope}`], signed.canonicalRequest, signed.stringToSign) : "";
    return { stdout: formatSigned(args.output, signed, args.curlBody, () => formatHeaders(signed.headers)), stderr };
  },
};
