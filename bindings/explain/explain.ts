// explain(): given what a client signed and what the service answered, says which part of the
// signature differs and why, the comparison people do by hand with AWS's "The Canonical String for
// this request should have been …" (IAM User Guide, "Troubleshoot signed requests for AWS APIs").
// Secrets never appear in the result: credentials given to sign the request again are used for
// that and nothing else, and the result holds only the two strings and the error's own text.

import { sign, presign } from "../signer.js";
import type { HttpRequest } from "../request.js";
import type { SignOptions, PresignOptions } from "../settings.js";
import { AMZ_SECURITY_TOKEN, Q_SECURITY_TOKEN, Q_CREDENTIAL, AMZ_S3SESSION_TOKEN, Q_S3SESSION_TOKEN } from "../constants.js";
import { parseErrorBody, type ServiceReport } from "./parse-error-body.js";
import { lineDiff, type DiffLine } from "./diff.js";
import { diagnoseStrings, diagnoseReport, type Cause, type Difference, type ClientFacts } from "./diagnose.js";

/** What the client signed: its strings, or the request and options to sign again (with the same date). */
export type ClientSide =
  | { canonicalRequest: string; stringToSign?: string; accessKeyId?: string }
  | { request: HttpRequest; options: SignOptions; presigned?: false }
  | { request: HttpRequest; options: PresignOptions; presigned: true };

/** What the service answered: the raw error body, or its parts. */
export type ServiceSide = string | { code?: string; message?: string; canonicalRequest?: string; stringToSign?: string; fields?: Record<string, string> };

export interface ExplainInput {
  client: ClientSide;
  response: ServiceSide;
}

export interface Explanation {
  /** The service's error code and the first paragraph of its message. */
  code?: string;
  message?: string;
  cause: Cause;
  /** What happened and what to do. */
  summary: string;
  /** The first differing part, when both sides' strings were there to compare. */
  difference?: Difference;
  /** Line diffs, when both sides' strings were there. */
  canonicalRequestDiff?: DiffLine[];
  stringToSignDiff?: DiffLine[];
}

interface ClientStrings {
  canonicalRequest: string;
  stringToSign?: string;
  facts: ClientFacts;
}

function credentialIn(canonicalRequest: string): string | undefined {
  const m = new RegExp(`(?:^|&)${Q_CREDENTIAL}=([^&%\\n]+)`, "m").exec(canonicalRequest);
  return m?.[1];
}

function clientStrings(client: ClientSide): ClientStrings {
  if ("canonicalRequest" in client) {
    const { canonicalRequest } = client;
    const sentToken = [`\n${AMZ_SECURITY_TOKEN}:`, `${Q_SECURITY_TOKEN}=`, `\n${AMZ_S3SESSION_TOKEN}:`, `${Q_S3SESSION_TOKEN}=`].some((mark) => canonicalRequest.includes(mark));
    const credential = credentialIn(canonicalRequest);
    return { canonicalRequest, stringToSign: client.stringToSign, facts: { accessKeyId: client.accessKeyId ?? credential, sentToken, presigned: credential !== undefined } };
  }
  const presigned = client.presigned === true;
  const signed = presigned ? presign(client.request, client.options) : sign(client.request, client.options);
  const facts = { accessKeyId: client.options.credentials.accessKeyId, sentToken: client.options.credentials.sessionToken !== undefined, presigned };
  return { canonicalRequest: signed.canonicalRequest, stringToSign: signed.stringToSign, facts };
}

function serviceReport(response: ServiceSide): ServiceReport {
  if (typeof response === "string") return parseErrorBody(response);
  return { format: "text", ...response, fields: response.fields ?? {} };
}

/** The message up to its first blank line (services other than S3 append both strings after one). */
function firstParagraph(message: string | undefined): string | undefined {
  return message?.split(/\n\s*\n/, 1)[0].trim();
}

export function explain(input: ExplainInput): Explanation {
  const client = clientStrings(input.client);
  const report = serviceReport(input.response);
  const head = { ...(report.code === undefined ? {} : { code: report.code }), ...(report.message === undefined ? {} : { message: firstParagraph(report.message) }) };
  const compared = diagnoseStrings(client, report);
  if (compared === undefined) return { ...head, ...diagnoseReport(report, client.facts) };
  return {
    ...head,
    ...compared,
    ...(report.canonicalRequest === undefined ? {} : { canonicalRequestDiff: lineDiff(client.canonicalRequest, report.canonicalRequest) }),
    ...(report.stringToSign === undefined || client.stringToSign === undefined ? {} : { stringToSignDiff: lineDiff(client.stringToSign, report.stringToSign) }),
  };
}
