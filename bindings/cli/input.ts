// Reading bytes the user points at: a file, or standard input ("-"). Standard input can be read
// only once per run, so a second reader is a usage error rather than a silent empty string.

import { readFileSync } from "node:fs";
import { isatty } from "node:tty";
import { CliError, UsageError } from "./errors.js";

let stdinTaken: string | undefined;

/** All of standard input, as bytes; `what` names the option that wants it. */
export function readStdin(what: string): Buffer {
  if (stdinTaken !== undefined) throw new UsageError(`${what} and ${stdinTaken} both read standard input; only one of them can`);
  stdinTaken = what;
  // isatty(0), not process.stdin.isTTY: making process.stdin turns a pipe non-blocking, and a
  // read of a pipe whose writer is still busy then fails with EAGAIN instead of waiting.
  if (isatty(0)) process.stderr.write(`sigv4: reading ${what} from the terminal; end with Ctrl-D\n`);
  try {
    return readFileSync(0);
  } catch (e) {
    throw new CliError(`cannot read standard input for ${what}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** The bytes of a file; `what` names the option that wants it. */
export function readFile(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const reason = err.code === "ENOENT" ? "no such file" : err.code === "EISDIR" ? "is a directory" : err.code === "EACCES" ? "permission denied" : (err.code ?? err.message);
    throw new CliError(`cannot read ${what} file '${path}': ${reason}`);
  }
}

/** Removes one trailing newline (LF or CRLF), as `echo` and here-strings add one. */
export function stripNewline(bytes: Buffer): Buffer {
  let end = bytes.length;
  if (end > 0 && bytes[end - 1] === 0x0a) {
    end--;
    if (end > 0 && bytes[end - 1] === 0x0d) end--;
  }
  return bytes.subarray(0, end);
}

/** A body source as given to --data-binary: '@file', '@-' (stdin) or a literal string. */
export type DataSource = { kind: "literal"; text: string } | { kind: "file"; path: string } | { kind: "stdin" };

export function dataSource(arg: string): DataSource {
  if (arg === "@-") return { kind: "stdin" };
  if (arg.startsWith("@")) return { kind: "file", path: arg.slice(1) };
  return { kind: "literal", text: arg };
}

/** The bytes (or string) of a data source. */
export function readData(source: DataSource, what: string): string | Buffer {
  if (source.kind === "literal") return source.text;
  if (source.kind === "stdin") return readStdin(what);
  if (source.path === "") throw new UsageError(`${what} '@' needs a file name (or '@-' for standard input)`);
  return readFile(source.path, what);
}
