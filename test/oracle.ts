// node:crypto as an independent oracle for the last steps of a signature.
import { createHash, createHmac } from "node:crypto";

export function nodeSigningKey(secret: string, date: string, region: string, service: string): Buffer {
  const kDate = createHmac("sha256", "AWS4" + secret).update(date).digest();
  const kRegion = createHmac("sha256", kDate).update(region).digest();
  const kService = createHmac("sha256", kRegion).update(service).digest();
  return createHmac("sha256", kService).update("aws4_request").digest();
}

/** The signature of a canonical request, computed with node:crypto only. */
export function nodeSignature(canonicalRequest: string, amzDate: string, secret: string, region: string, service: string): string {
  const scope = `${amzDate.slice(0, 8)}/${region}/${service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, createHash("sha256").update(canonicalRequest).digest("hex")].join("\n");
  return createHmac("sha256", nodeSigningKey(secret, amzDate.slice(0, 8), region, service)).update(stringToSign).digest("hex");
}
