// sigv4 hmac: HMAC-SHA256 of a message, in hex or base64.

import { hmacSha256, toBase64, toHex } from "../../index.js";
import { parseArgs, type OptionSpec } from "../args.js";
import type { Command } from "../command.js";
import { UsageError } from "../errors.js";
import { dataSource, readData, readStdin, stripNewline } from "../input.js";
import { registerSecret } from "../redact.js";

const HELP = `Usage: sigv4 hmac (--key STRING | --key-hex HEX | --key-stdin) [--hex | --base64] (<message> | --data-binary @FILE)

Prints HMAC-SHA256(key, message).

Key (exactly one):
      --key STRING            the key as UTF-8 text
      --key-hex HEX           the key as hex bytes (e.g. a kSigning from derive-key)
      --key-stdin             the key as the bytes of standard input (one trailing newline is
                              removed); keeps a secret key out of shell history and ps

Message (exactly one):
      <message>               the message as UTF-8 text
      --data-binary @FILE     the bytes of FILE, or '@-' for standard input

Output:
      --hex                   lowercase hex (default)
      --base64                standard padded base64
  -h, --help                  show this help

Example:
  sigv4 hmac --key key 'The quick brown fox jumps over the lazy dog'
`;

const OPTIONS: readonly OptionSpec[] = [
  { long: "key", value: "STRING" },
  { long: "key-hex", value: "HEX" },
  { long: "key-stdin" },
  { long: "data-binary", value: "@FILE" },
  { long: "hex" },
  { long: "base64" },
  { long: "help", short: "h" },
];

const HEX = /^(?:[0-9a-fA-F]{2})*$/;

export const hmacCommand: Command = {
  name: "hmac",
  summary: "print HMAC-SHA256 of a message in hex or base64",
  help: HELP,
  options: OPTIONS,
  run(argv) {
    const args = parseArgs(argv, OPTIONS);
    const keys = ["key", "key-hex", "key-stdin"].filter((k) => args.has(k));
    if (keys.length !== 1) throw new UsageError(keys.length === 0 ? "hmac needs a key: --key, --key-hex or --key-stdin" : "give one key: --key, --key-hex or --key-stdin");
    if (args.flag("hex") && args.flag("base64")) throw new UsageError("give one of --hex and --base64");
    const dataArg = args.value("data-binary");
    if (args.positionals.length > 1) throw new UsageError(`hmac takes one message; got ${args.positionals.length} arguments (quote a message with spaces)`);
    if (dataArg !== undefined && args.positionals.length > 0) throw new UsageError("give the message once: as an argument or with --data-binary");
    if (dataArg === undefined && args.positionals.length === 0) throw new UsageError("hmac needs a message (an argument, or --data-binary @FILE)");
    const keyHex = args.value("key-hex");
    if (keyHex !== undefined && !HEX.test(keyHex)) throw new UsageError("--key-hex must be an even number of hex digits");

    let key: Uint8Array | string;
    if (keyHex !== undefined) key = Buffer.from(keyHex, "hex");
    else if (args.flag("key-stdin")) {
      const bytes = stripNewline(readStdin("--key-stdin"));
      registerSecret(bytes.toString("utf8"));
      key = bytes;
    } else key = args.value("key") as string;
    const message = dataArg === undefined ? args.positionals[0] : readData(dataSource(dataArg), "--data-binary");

    const mac = hmacSha256(key, message);
    return { stdout: (args.flag("base64") ? toBase64(mac) : toHex(mac)) + "\n" };
  },
};
