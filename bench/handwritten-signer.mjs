// A small synchronous SigV4 signer on node:crypto with a cached signing key: the baseline a
// careful developer would write by hand. Canonicalisation is minimal: it handles the benchmark's
// request shapes (already-encoded paths and queries, simple headers), not the whole spec.
import { createHash, createHmac } from "node:crypto";

const keys = new Map();

function signingKey(secret, date, region, service) {
  const id = `${date}/${region}/${service}`;
  let key = keys.get(id);
  if (key === undefined) {
    const kDate = createHmac("sha256", "AWS4" + secret).update(date).digest();
    const kRegion = createHmac("sha256", kDate).update(region).digest();
    const kService = createHmac("sha256", kRegion).update(service).digest();
    key = createHmac("sha256", kService).update("aws4_request").digest();
    keys.set(id, key);
  }
  return key;
}

/** { method, host, path, query (sorted, encoded), headers: {lower: value}, body } → Authorization. */
export function handwrittenSign(req, { accessKeyId, secretAccessKey }, region, service, amzDate, contentSha256Header = false) {
  const payloadHash = createHash("sha256").update(req.body ?? "").digest("hex");
  const headers = { ...req.headers, host: req.host, "x-amz-date": amzDate };
  if (contentSha256Header) headers["x-amz-content-sha256"] = payloadHash;
  const names = Object.keys(headers).sort();
  const canonicalHeaders = names.map((n) => `${n}:${String(headers[n]).trim()}\n`).join("");
  const signedHeaders = names.join(";");
  const canonicalRequest = [req.method, req.path, req.query, canonicalHeaders, signedHeaders, payloadHash].join("\n");
  const scope = `${amzDate.slice(0, 8)}/${region}/${service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, createHash("sha256").update(canonicalRequest).digest("hex")].join("\n");
  const signature = createHmac("sha256", signingKey(secretAccessKey, amzDate.slice(0, 8), region, service)).update(stringToSign).digest("hex");
  return { signature, authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}` };
}
