// What every command is: a name, help text, and a function from arguments to output. Commands
// return their output rather than writing it, and throw UsageError / CliError / SigningError;
// main.ts writes, redacts and chooses the exit status.

import type { OptionSpec } from "./args.js";

export type Env = Record<string, string | undefined>;

export interface CommandResult {
  stdout: string;
  /** Notes and --verbose traces. */
  stderr?: string;
  /** The exit status when the command ran but its answer is "no" (verify: a refused request); default 0. */
  status?: number;
}

export interface Command {
  name: string;
  /** One line for the tool's help. */
  summary: string;
  help: string;
  /** The options run() parses, so that main can tell "--help" from a value that happens to be "-h". */
  options: readonly OptionSpec[];
  run(argv: readonly string[], env: Env): CommandResult;
}
