// A small synchronous SigV4 signer on node:crypto with a cached signing key: the baseline a
// careful developer would write by hand, and the reference of the signing suites. Canonicalisation
// is minimal: it handles the benchmark's request shapes (paths and queries already encoded and
// sorted, single-valued headers), not the whole spec.
import { createHash, createHmac, hash } from "node:crypto";

// crypto.hash (Node ≥ 20.12) skips the Hash object createHash builds; it is the faster one-shot.
const sha256Hex = typeof hash === "function" ? (data) => hash("sha256", data, "hex") : (data) => createHash("sha256").update(data).digest("hex");

function deriveKey(secret, date, region, service) {
  const kDate = createHmac("sha256", "AWS4" + secret).update(date).digest();
  const kRegion = createHmac("sha256", kDate).update(region).digest();
  const kService = createHmac("sha256", kRegion).update(service).digest();
  return createHmac("sha256", kService).update("aws4_request").digest();
}

/** One signer with its own key cache (unbounded Map); `cache: false` derives the key on every call. */
export function createHandwrittenSigner({ cache = true } = {}) {
  const keys = new Map();
  const signingKey = (accessKeyId, secret, date, region, service) => {
    if (!cache) return deriveKey(secret, date, region, service);
    const id = `${accessKeyId}/${date}/${region}/${service}`;
    let key = keys.get(id);
    if (key === undefined) keys.set(id, (key = deriveKey(secret, date, region, service)));
    return key;
  };

  /** req: { method, host, path, query (sorted, encoded), headers: { lower-case name: value }, body } */
  return function sign(req, { accessKeyId, secretAccessKey }, region, service, amzDate, contentSha256Header = false) {
    const payloadHash = sha256Hex(req.body ?? "");
    const headers = { ...req.headers, host: req.host, "x-amz-date": amzDate };
    if (contentSha256Header) headers["x-amz-content-sha256"] = payloadHash;
    const names = Object.keys(headers).sort();
    let canonicalHeaders = "";
    for (const name of names) canonicalHeaders += `${name}:${String(headers[name]).trim()}\n`;
    const signedHeaders = names.join(";");
    const canonicalRequest = `${req.method}\n${req.path}\n${req.query}\n${canonicalHeaders}\n${signedHeaders}\n${payloadHash}`;
    const date = amzDate.slice(0, 8);
    const scope = `${date}/${region}/${service}/aws4_request`;
    const stringToSign = `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${sha256Hex(canonicalRequest)}`;
    const signature = createHmac("sha256", signingKey(accessKeyId, secretAccessKey, date, region, service)).update(stringToSign).digest("hex");
    return { signature, headers, authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}` };
  };
}
