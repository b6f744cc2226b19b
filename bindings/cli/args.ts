// A small argv parser, hand-written so the tool has no dependencies. It understands
//   --name value   --name=value   -X value   -Xvalue   -vX value (grouped short flags)
//   --             (everything after it is positional)
//   -              (a positional: "stdin" where a command accepts it)
// Values of options that take one are taken as they are, even when they start with '-'.
// Errors name the option, never its value (a value may be a secret typed in the wrong place).

import { UsageError } from "./errors.js";

export interface OptionSpec {
  /** Long name without the dashes: "method" for --method. */
  long: string;
  /** One-letter alias: "X" for -X. */
  short?: string;
  /** Name of the value in help (e.g. "METHOD"); an option without one is a flag. */
  value?: string;
  /** May be given more than once (each value is kept, in order); otherwise a repeat is an error. */
  repeatable?: boolean;
}

export class ParsedArgs {
  readonly #values = new Map<string, string[]>();
  readonly #flags = new Set<string>();
  readonly positionals: string[] = [];

  /** @internal */
  addValue(name: string, value: string): void {
    const list = this.#values.get(name);
    if (list === undefined) this.#values.set(name, [value]);
    else list.push(value);
  }

  /** @internal */
  addFlag(name: string): void {
    this.#flags.add(name);
  }

  /** Whether a flag was given. */
  flag(name: string): boolean {
    return this.#flags.has(name);
  }

  /** The value of an option given once, or undefined. */
  value(name: string): string | undefined {
    return this.#values.get(name)?.[0];
  }

  /** Every value of a repeatable option, in order. */
  values(name: string): string[] {
    return this.#values.get(name) ?? [];
  }

  /** Whether an option (flag or valued) was given. */
  has(name: string): boolean {
    return this.#flags.has(name) || this.#values.has(name);
  }
}

function display(spec: OptionSpec): string {
  return spec.short === undefined ? `--${spec.long}` : `-${spec.short}/--${spec.long}`;
}

/** Parses `argv` (the arguments after the command name) against `specs`. */
export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[]): ParsedArgs {
  const byLong = new Map(specs.map((s) => [s.long, s]));
  const byShort = new Map(specs.filter((s) => s.short !== undefined).map((s) => [s.short as string, s]));
  const out = new ParsedArgs();

  const take = (spec: OptionSpec, value: string): void => {
    if (!spec.repeatable && out.has(spec.long)) throw new UsageError(`option ${display(spec)} given more than once`);
    out.addValue(spec.long, value);
  };
  const next = (spec: OptionSpec, i: number): string => {
    if (i >= argv.length) throw new UsageError(`option ${display(spec)} needs a value (${spec.value})`);
    return argv[i];
  };

  let i = 0;
  for (; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      i++;
      break;
    }
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
      const spec = byLong.get(name);
      if (spec === undefined) throw new UsageError(`unknown option '--${name}'`);
      if (spec.value !== undefined) take(spec, eq >= 0 ? arg.slice(eq + 1) : next(spec, ++i));
      else if (eq >= 0) throw new UsageError(`option --${name} takes no value`);
      else out.addFlag(spec.long);
    } else if (arg.startsWith("-") && arg.length > 1) {
      for (let j = 1; j < arg.length; j++) {
        const spec = byShort.get(arg[j]);
        if (spec === undefined) throw new UsageError(`unknown option '-${arg[j]}'`);
        if (spec.value === undefined) {
          out.addFlag(spec.long);
          continue;
        }
        const rest = arg.slice(j + 1);
        take(spec, rest !== "" ? rest : next(spec, ++i));
        break;
      }
    } else {
      out.positionals.push(arg);
    }
  }
  for (; i < argv.length; i++) out.positionals.push(argv[i]);
  return out;
}

/** Whether `argv` asks for help (-h or --help before any "--"), even if the rest does not parse. */
export function wantsHelp(argv: readonly string[]): boolean {
  for (const arg of argv) {
    if (arg === "--") return false;
    if (arg === "--help" || arg === "-h") return true;
  }
  return false;
}
