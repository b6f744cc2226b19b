// The main job: sign a KMS Sign request (TrentService.Sign, the example of the AWS KMS Developer
// Guide) with the AWS documentation's example credentials at a fixed date, printing every stage.
// Run with `npm start`.
import { sign, signingKeyChain, toHex, sha256Hex, verify } from "../dist/index.js";
import { formatCurl } from "../dist/cli/output.js";

// The example credentials of the AWS SigV4 documentation: not a real key.
const credentials = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};
const region = "us-west-2";
const service = "kms";
const date = "20150830T123600Z";

const body = JSON.stringify({
  KeyId: "1234abcd-12ab-34cd-56ef-1234567890ab",
  Message: "SGVsbG8gV29ybGQK", // base64 of "Hello World\n"
  MessageType: "RAW",
  SigningAlgorithm: "RSASSA_PKCS1_V1_5_SHA_256",
});
const request = {
  method: "POST",
  url: `https://kms.${region}.amazonaws.com/`,
  headers: {
    "Content-Type": "application/x-amz-json-1.1",
    "X-Amz-Target": "TrentService.Sign",
  },
  body,
};

const signed = sign(request, { credentials, region, service, date });
const chain = signingKeyChain(credentials.secretAccessKey, date.slice(0, 8), region, service);

const section = (title, text) => console.log(`\n── ${title} ${"─".repeat(Math.max(0, 66 - title.length))}\n${text}`);
section("1. Request", `${request.method} ${request.url}\n${Object.entries(request.headers).map(([k, v]) => `${k}: ${v}`).join("\n")}\n\n${body}`);
section("2. Payload hash (SHA-256 of the body)", sha256Hex(body));
section("3. Canonical request", signed.canonicalRequest);
section("4. String to sign", signed.stringToSign);
const steps = [
  [`kDate    = HMAC("AWS4" + secret, "${date.slice(0, 8)}")`, chain.kDate],
  [`kRegion  = HMAC(kDate, "${region}")`, chain.kRegion],
  [`kService = HMAC(kRegion, "${service}")`, chain.kService],
  [`kSigning = HMAC(kService, "aws4_request")`, chain.kSigning],
];
const width = Math.max(...steps.map(([label]) => label.length));
section("5. Signing key chain (HMAC-SHA256)", steps.map(([label, key]) => `${label.padEnd(width)} = ${toHex(key)}`).join("\n"));
section("6. Signature = hex(HMAC(kSigning, string to sign))", signed.signature);
section("7. Headers to send", Object.entries(signed.headers).map(([k, v]) => `${k}: ${v}`).join("\n"));
section("8. curl", formatCurl({ method: signed.method, url: signed.url, headers: signed.headers, body: { text: body } }).trimEnd());

// What a service does on receipt: the same canonicalisation, the secret looked up by access key id.
const received = { method: signed.method, url: signed.url, headers: signed.headers, body };
const asService = { getCredentials: (id) => (id === credentials.accessKeyId ? { secretAccessKey: credentials.secretAccessKey } : undefined), now: date };
const accepted = verify(received, asService);
const refused = verify({ ...received, body: body.replace("RAW", "DIGEST") }, asService);
section(
  "9. Verified as the service would (verify)",
  `as sent:                    ${accepted.ok ? `accepted (${accepted.accessKeyId}, ${accepted.region}/${accepted.service}, payload ${accepted.payload})` : `refused: ${accepted.code}`}\n` +
    `body changed after signing: ${refused.ok ? "accepted" : `refused: ${refused.status} ${refused.code}`}`,
);
