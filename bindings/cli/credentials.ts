// Where the credentials come from, in the order the AWS CLI uses:
//   1. --profile NAME: that profile of the shared credentials file, and nothing else;
//   2. AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY (+ AWS_SESSION_TOKEN) from the environment;
//   3. the profile named by AWS_PROFILE;
//   4. the [default] profile, when the credentials file exists and has one.
// The file is AWS_SHARED_CREDENTIALS_FILE, or ~/.aws/credentials. A profile's
// aws_session_token (or the older aws_security_token) is honoured. Every secret read, and the
// session token, is registered for redaction; no message quotes a secret.

import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import type { Credentials } from "../index.js";
import type { Env } from "./command.js";
import { CliError } from "./errors.js";
import { parseIni, type IniFile } from "./ini.js";
import { registerSecret } from "./redact.js";

export interface ResolvedCredentials {
  /** Without an access key id when only the secret was asked for (derive-key). */
  credentials: Credentials;
  /** Where they came from, for --verbose: "environment variables", "profile 'dev' in /path". */
  source: string;
}

const ENV_HELP =
  "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary credentials), " +
  "or pass --profile NAME to read ~/.aws/credentials (or the file named by AWS_SHARED_CREDENTIALS_FILE)";

/** An environment variable, with an empty value counted as unset (as the AWS CLI does). */
function envVar(env: Env, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v === "" ? undefined : v;
}

/** The shared credentials file: AWS_SHARED_CREDENTIALS_FILE (a leading ~ is the home directory) or ~/.aws/credentials. */
export function credentialsFilePath(env: Env): string {
  const configured = envVar(env, "AWS_SHARED_CREDENTIALS_FILE");
  if (configured === undefined) return join(homedir(), ".aws", "credentials");
  return configured === "~" || configured.startsWith("~/") ? join(homedir(), configured.slice(1)) : configured;
}

function loadFile(path: string): IniFile | undefined {
  if (!existsSync(path)) return undefined;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new CliError(`cannot read the credentials file ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return parseIni(text, path);
}

const INDIRECT = ["role_arn", "credential_process", "sso_session", "sso_start_url", "web_identity_token_file", "credential_source"];

function fromProfile(name: string, path: string, file: IniFile | undefined, why: string, needAccessKey: boolean): ResolvedCredentials {
  if (file === undefined) throw new CliError(`profile '${name}' ${why} cannot be read: the credentials file ${path} does not exist`);
  const section = file.get(name);
  if (section === undefined) {
    const known = [...file.keys()];
    throw new CliError(`profile '${name}' ${why} is not in ${path}` + (known.length > 0 ? ` (profiles there: ${known.join(", ")})` : ""));
  }
  const accessKeyId = section.get("aws_access_key_id") || undefined;
  const secretAccessKey = section.get("aws_secret_access_key") || undefined;
  const sessionToken = section.get("aws_session_token") || section.get("aws_security_token") || undefined;
  const missing = [needAccessKey && accessKeyId === undefined ? "aws_access_key_id" : "", secretAccessKey === undefined ? "aws_secret_access_key" : ""].filter(Boolean);
  if (missing.length > 0) {
    const indirect = INDIRECT.filter((k) => section.has(k));
    throw new CliError(
      `profile '${name}' in ${path} has no ${missing.join(" or ")}` +
        (indirect.length > 0 ? ` (it uses ${indirect.join(", ")}; sigv4 reads static keys only: export temporary credentials into AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN instead)` : ""),
    );
  }
  registerSecret(secretAccessKey as string);
  if (sessionToken !== undefined) registerSecret(sessionToken);
  return {
    credentials: { accessKeyId: accessKeyId ?? "", secretAccessKey: secretAccessKey as string, ...(sessionToken === undefined ? {} : { sessionToken }) },
    source: `profile '${name}' in ${path}`,
  };
}

/**
 * Resolves credentials for signing (`needAccessKey`) or just the secret (derive-key).
 * Throws a CliError naming the environment variables and --profile when none are found.
 */
export function resolveCredentials(profile: string | undefined, env: Env, needAccessKey = true): ResolvedCredentials {
  const path = credentialsFilePath(env);
  if (profile !== undefined) {
    if (profile === "") throw new CliError("--profile needs a profile name");
    return fromProfile(profile, path, loadFile(path), "(from --profile)", needAccessKey);
  }

  const accessKeyId = envVar(env, "AWS_ACCESS_KEY_ID");
  const secretAccessKey = envVar(env, "AWS_SECRET_ACCESS_KEY");
  const sessionToken = envVar(env, "AWS_SESSION_TOKEN");
  if (secretAccessKey !== undefined && (accessKeyId !== undefined || !needAccessKey)) {
    registerSecret(secretAccessKey);
    if (sessionToken !== undefined) registerSecret(sessionToken);
    return {
      credentials: { accessKeyId: accessKeyId ?? "", secretAccessKey, ...(sessionToken === undefined ? {} : { sessionToken }) },
      source: "environment variables" + (accessKeyId === undefined ? "" : ` (access key id ${accessKeyId})`),
    };
  }
  if (accessKeyId !== undefined && secretAccessKey === undefined) {
    throw new CliError(`AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not; ${ENV_HELP}`);
  }
  if (secretAccessKey !== undefined) {
    throw new CliError(`AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not; ${ENV_HELP}`);
  }

  const envProfile = envVar(env, "AWS_PROFILE");
  if (envProfile !== undefined) return fromProfile(envProfile, path, loadFile(path), "(from AWS_PROFILE)", needAccessKey);

  const file = loadFile(path);
  if (file?.has("default")) return fromProfile("default", path, file, "(the default)", needAccessKey);
  throw new CliError(`no AWS credentials found: ${ENV_HELP}`);
}

/** The credentials section of every signing command's --help. */
export const CREDENTIALS_HELP = `Credentials, in this order:
  --profile NAME                 that profile of the shared credentials file, and nothing else
  AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN   environment variables
  AWS_PROFILE                    names the profile to use when the variables above are not set
  [default]                      the default profile, when the file has one
The shared credentials file is ~/.aws/credentials, or AWS_SHARED_CREDENTIALS_FILE. A session token
(AWS_SESSION_TOKEN, a profile's aws_session_token) is sent as x-amz-security-token, or
X-Amz-Security-Token in a presigned URL; sigv4 verify requires it of the request. The secret access
key is never printed.`;
