// The request shapes every suite signs, the fixed date and the AWS documentation's example
// credentials. No imports: the cold-start suite loads this before timing the package's import.

/** The AWS documentation's example credentials. */
export const CREDENTIALS = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
export const AMZ_DATE = "20150830T123600Z";
export const DATE = new Date(Date.UTC(2015, 7, 30, 12, 36, 0));
/** The published signature of the IAM ListUsers example (shape a). */
export const IAM_EXAMPLE_SIGNATURE = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";

const kmsBody = JSON.stringify({
  KeyId: "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
  Message: "SGVsbG8gV29ybGQK".repeat(22),
  MessageType: "RAW",
  SigningAlgorithm: "RSASSA_PKCS1_V1_5_SHA_256",
  GrantTokens: ["AQpAM2RhZTk1MGMyNTk2ZmZmMzEyYWVhOWViN2I1MWM0Mzc0MWY2OGY0"],
});
const s3Body = new Uint8Array(1 << 20).map((_, i) => (i * 131 + 7) & 0xff);

// Shapes b and c carry an explicit content-length: aws4 adds and signs one when a body has none.
export const SHAPES = {
  "a. IAM GET, no body": {
    region: "us-east-1", service: "iam", method: "GET", host: "iam.amazonaws.com", path: "/",
    query: "Action=ListUsers&Version=2010-05-08", queryObject: { Action: "ListUsers", Version: "2010-05-08" },
    headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" }, body: undefined,
  },
  [`b. KMS Sign POST, ${kmsBody.length} B JSON`]: {
    region: "us-west-2", service: "kms", method: "POST", host: "kms.us-west-2.amazonaws.com", path: "/", query: "", queryObject: {},
    headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "TrentService.Sign", "content-length": String(kmsBody.length) },
    body: kmsBody,
  },
  "c. S3 PUT, 1 MiB, payload hashed": {
    region: "us-east-1", service: "s3", method: "PUT", host: "examplebucket.s3.amazonaws.com", path: "/photos/2024/big.bin", query: "", queryObject: {},
    headers: { "content-type": "application/octet-stream", "content-length": String(s3Body.length) }, body: s3Body,
  },
};
export const [SHAPE_A, SHAPE_B, SHAPE_C] = Object.keys(SHAPES);
