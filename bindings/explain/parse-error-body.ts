// Reads what an AWS service answered to a request it refused, in the shapes services send:
//   - Amazon S3 (REST-XML): <Error><Code/><Message/> and extra elements, for a signature mismatch
//     <StringToSign>, <StringToSignBytes>, <CanonicalRequest>, <CanonicalRequestBytes>;
//   - the query protocol (STS, IAM, SQS…): <ErrorResponse><Error><Type/><Code/><Message/>…;
//   - the JSON protocols (KMS, DynamoDB…): {"__type": "…#InvalidSignatureException", "message": …};
//   - the message alone, as SDKs and logs print it.
// Services other than S3 put both strings inside the message: "The Canonical String for this
// request should have been\n'…'\n\nThe String-to-Sign should have been\n'…'\n".

import { decodeUtf8 } from "../utf8.js";

export interface ServiceReport {
  format: "s3-xml" | "query-xml" | "json" | "text";
  code?: string;
  message?: string;
  /** The canonical request the service computed, when it said. */
  canonicalRequest?: string;
  stringToSign?: string;
  /** Every other simple element or property (Region, AWSAccessKeyId, RequestTime, ServerTime, HeadersNotSigned, …). */
  fields: Record<string, string>;
}

const CANONICAL_INTRO = "The Canonical String for this request should have been";
const STS_INTRO = "The String-to-Sign should have been";
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
    if (entity.startsWith("#x")) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith("#")) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return ENTITIES[entity];
  });
}

/** "41 57 53 34 …" (S3's *Bytes elements) as the UTF-8 text it encodes, or undefined when it is not such a list. */
function fromSpacedHex(text: string | undefined): string | undefined {
  if (text === undefined || !/^\s*[0-9a-fA-F]{2}(\s+[0-9a-fA-F]{2})*\s*$/.test(text)) return undefined;
  return decodeUtf8(Uint8Array.from(text.trim().split(/\s+/), (h) => parseInt(h, 16)));
}

/** Leaf elements (no child elements), by name; the first occurrence of a name wins. */
function xmlLeaves(xml: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of xml.matchAll(/<([A-Za-z][\w.-]*)(?:\s[^>]*)?>([^<]*)<\/\1>/g)) {
    if (!(m[1] in out)) out[m[1]] = decodeXmlText(m[2]);
  }
  return out;
}

/** The text between the first quote after `intro` and the last quote before `end` (quotes inside the strings are kept). */
function quoted(message: string, intro: string, end?: string): string | undefined {
  const at = message.indexOf(intro);
  if (at < 0) return undefined;
  const open = message.indexOf("'", at + intro.length);
  const stop = end === undefined ? message.length : message.indexOf(end, open);
  const close = message.lastIndexOf("'", stop < 0 ? message.length : stop);
  return open >= 0 && close > open ? message.slice(open + 1, close) : undefined;
}

/** The two strings of a non-S3 signature mismatch message. */
function stringsInMessage(message: string): { canonicalRequest?: string; stringToSign?: string } {
  return { canonicalRequest: quoted(message, CANONICAL_INTRO, STS_INTRO), stringToSign: quoted(message, STS_INTRO) };
}

/** "com.amazon.coral.service#InvalidSignatureException:http://…" → "InvalidSignatureException". */
function shortCode(type: string): string {
  return type.replace(/^.*#/, "").replace(/:.*$/, "");
}

function fromXml(body: string): ServiceReport {
  const fields = xmlLeaves(body);
  const { Code: code, Message: message, CanonicalRequest, StringToSign, CanonicalRequestBytes, StringToSignBytes, ...rest } = fields;
  const inMessage = message === undefined ? {} : stringsInMessage(message);
  return {
    format: /<ErrorResponse[\s>]/.test(body) ? "query-xml" : "s3-xml",
    code,
    message,
    canonicalRequest: fromSpacedHex(CanonicalRequestBytes) ?? CanonicalRequest ?? inMessage.canonicalRequest,
    stringToSign: fromSpacedHex(StringToSignBytes) ?? StringToSign ?? inMessage.stringToSign,
    fields: rest,
  };
}

function stringProps(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (value === null || typeof value !== "object") return out;
  for (const [k, v] of Object.entries(value)) if (typeof v === "string") out[k] = v;
  return out;
}

const JSON_KNOWN = new Set(["__type", "code", "Code", "message", "Message"]);

function fromJson(value: unknown): ServiceReport {
  const top = stringProps(value);
  // Nested shapes: {"Error": {...}} (some SDK dumps), {"errors": [{...}]} (Amazon SP-API).
  const obj = value as { Error?: unknown; errors?: unknown[] };
  const inner = stringProps(obj.Error ?? (Array.isArray(obj.errors) ? obj.errors[0] : undefined));
  const all = { ...inner, ...top };
  const type = all.__type ?? all.code ?? all.Code;
  const message = all.message ?? all.Message;
  const fields = Object.fromEntries(Object.entries(all).filter(([k]) => !JSON_KNOWN.has(k)));
  return { format: "json", code: type === undefined ? undefined : shortCode(type), message, ...(message === undefined ? {} : stringsInMessage(message)), fields };
}

/** Reads an error body of any of the shapes above; text that is none of them is taken as the message. */
export function parseErrorBody(body: string): ServiceReport {
  const text = body.trim();
  if (text.startsWith("<")) return fromXml(text);
  if (text.startsWith("{")) {
    try {
      return fromJson(JSON.parse(text));
    } catch {
      // Not JSON after all: read it as a message.
    }
  }
  const codeFirst = /^([A-Z][A-Za-z]+(?:Exception)?):\s/.exec(text);
  const message = codeFirst === null ? text : text.slice(codeFirst[0].length);
  return { format: "text", code: codeFirst?.[1], message, ...stringsInMessage(message), fields: {} };
}
