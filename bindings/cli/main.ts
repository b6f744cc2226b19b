#!/usr/bin/env node
// sigv4: the command line of sigv4-wasm. Dispatches to a command, prints help, and maps errors
// to exit statuses: 0 success, 1 the work failed (signing error, no credentials, unreadable
// file), 2 the command line is wrong (unknown option, missing argument). Every message on
// stderr starts with "sigv4: " and passes through redact(), so no secret can reach the terminal.

import { readFileSync } from "node:fs";
import { SigningError } from "../index.js";
import { parseArgs, wantsHelp } from "./args.js";
import type { Command, Env } from "./command.js";
import { CliError, UsageError } from "./errors.js";
import { redact } from "./redact.js";
import { signCommand } from "./commands/sign.js";
import { presignCommand } from "./commands/presign.js";
import { deriveKeyCommand } from "./commands/derive-key.js";
import { hmacCommand } from "./commands/hmac.js";
import { verifyCommand } from "./commands/verify.js";
import { explainCommand } from "./commands/explain.js";

const COMMANDS: readonly Command[] = [signCommand, presignCommand, deriveKeyCommand, hmacCommand, verifyCommand, explainCommand];

const EXIT_OK = 0;
const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

function toolHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `Usage: sigv4 <command> [options]

AWS Signature Version 4 from the command line (sigv4-wasm).

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n")}

Run 'sigv4 <command> --help' for a command's options.

Options:
  -h, --help       show this help
      --version    print the version

Credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN or from a
profile of ~/.aws/credentials (--profile NAME, AWS_PROFILE, AWS_SHARED_CREDENTIALS_FILE).
The secret access key is never printed and never accepted as a command-line argument.

Exit status: 0 success, 1 signing or credential error, 2 usage error.
`;
}

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version?: string };
    return `sigv4 ${pkg.version ?? "unknown"}\n`;
  } catch {
    return "sigv4 unknown\n";
  }
}

interface Outcome {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * A word the user typed where a command was expected, quoted only when it looks like one: a
 * secret pasted in the wrong place (40 characters with '/' and '+') is not echoed back.
 */
function unknownCommand(word: string): string {
  const commands = COMMANDS.map((c) => c.name).join(", ");
  return /^[A-Za-z][A-Za-z0-9_-]{0,23}$/.test(word) ? `unknown command '${word}' (commands: ${commands})` : `unknown command (commands: ${commands})`;
}

function usage(message: string, command: string): Outcome {
  const hint = command === "" ? "sigv4 --help" : `sigv4 ${command} --help`;
  return { status: EXIT_USAGE, stdout: "", stderr: `sigv4: ${message}\nTry '${hint}'.\n` };
}

/** --help / -h as an option of the command; when the line does not parse, any --help or -h word. */
function asksForHelp(command: Command, argv: readonly string[]): boolean {
  try {
    return parseArgs(argv, command.options).flag("help");
  } catch {
    return wantsHelp(argv);
  }
}

/** Runs the tool on `argv` (without node and the script) and returns what to print. */
function main(argv: readonly string[], env: Env): Outcome {
  const [name, ...rest] = argv;
  if (name === undefined) return { status: EXIT_USAGE, stdout: "", stderr: toolHelp() };
  if (name === "--help" || name === "-h" || name === "help") {
    const target = name === "help" && rest[0] !== undefined ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    if (name === "help" && rest[0] !== undefined && target === undefined) return usage(unknownCommand(rest[0]), "");
    return { status: EXIT_OK, stdout: target?.help ?? toolHelp(), stderr: "" };
  }
  if (name === "--version" || name === "-V") return { status: EXIT_OK, stdout: version(), stderr: "" };
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    return usage(name.startsWith("-") ? `unknown option '${name.split("=")[0]}'` : unknownCommand(name), "");
  }
  if (asksForHelp(command, rest)) return { status: EXIT_OK, stdout: command.help, stderr: "" };
  try {
    const result = command.run(rest, env);
    return { status: result.status ?? EXIT_OK, stdout: result.stdout, stderr: result.stderr ?? "" };
  } catch (e) {
    if (e instanceof UsageError) return usage(e.message, command.name);
    if (e instanceof SigningError) return { status: EXIT_FAILURE, stdout: "", stderr: `sigv4: ${e.code}: ${e.message}\n` };
    if (e instanceof CliError) return { status: EXIT_FAILURE, stdout: "", stderr: `sigv4: ${e.message}\n` };
    const message = e instanceof Error ? e.message : String(e);
    return { status: EXIT_FAILURE, stdout: "", stderr: `sigv4: ${message}\n` };
  }
}

// A closed pipe (sigv4 … | head -1) is not an error worth a stack trace.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});
const outcome = main(process.argv.slice(2), process.env);
if (outcome.stderr !== "") process.stderr.write(redact(outcome.stderr));
if (outcome.stdout !== "") process.stdout.write(outcome.stdout);
// exitCode, not exit(): stdout may be a pipe that is still being written to.
process.exitCode = outcome.status;
