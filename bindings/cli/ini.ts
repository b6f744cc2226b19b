// The INI dialect of the AWS shared credentials file (~/.aws/credentials), as botocore and the
// AWS SDKs read it:
//   [profile-name]                  a section; a repeated section adds to the first
//   key = value                     keys are case-insensitive, both sides are trimmed
//   # comment / ; comment           whole-line comments only (a '#' inside a value is kept)
//   key =                           followed by indented "sub = value" lines: a nested block
//                                   (used in ~/.aws/config); its lines are skipped
// Errors give the line number and never the line: the line may hold a secret.

import { CliError } from "./errors.js";

export type IniFile = Map<string, Map<string, string>>;

const SECTION = /^\[([^\]]*)\]\s*(?:[#;].*)?$/;

export function parseIni(text: string, path: string): IniFile {
  const sections: IniFile = new Map();
  let current: Map<string, string> | undefined;
  let nestedOpen = false;
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n];
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) continue;
    const indented = /^[ \t]/.test(raw);
    if (indented && nestedOpen) continue;
    const section = SECTION.exec(line);
    if (section !== null) {
      const name = section[1].trim();
      current = sections.get(name);
      if (current === undefined) sections.set(name, (current = new Map()));
      nestedOpen = false;
      continue;
    }
    const eq = line.indexOf("=");
    if (eq <= 0) throw new CliError(`${path}, line ${n + 1}: expected '[profile]', 'key = value' or a comment`);
    const key = line.slice(0, eq).trim().toLowerCase();
    const value = line.slice(eq + 1).trim();
    nestedOpen = value === "";
    if (current !== undefined) current.set(key, value);
  }
  return sections;
}
