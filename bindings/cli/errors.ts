// Errors of the command line. A UsageError (exit 2) means the command line itself is wrong: an
// unknown option, a missing argument, a value that cannot be parsed. A CliError (exit 1) means the
// command line was understood but the work could not be done: no credentials, an unreadable file.
// The library's SigningError (exit 1) passes through unchanged. No message ever quotes a value
// that could be a secret: options are named, their values are not echoed.

export class UsageError extends Error {
  override readonly name = "UsageError";
}

export class CliError extends Error {
  override readonly name = "CliError";
}
