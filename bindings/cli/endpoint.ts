// The region and service of an AWS endpoint host, for when --region / --service are not given.
// AWS hostnames follow a few patterns (service.region.amazonaws.com, bucket.s3.region…, the
// region-less global endpoints, S3's legacy s3-region and s3-external-1 forms):
//   iam.amazonaws.com                               → iam, us-east-1 (global endpoint)
//   kms.eu-west-1.amazonaws.com                     → kms, eu-west-1
//   kms-fips.us-east-1.amazonaws.com                → kms, us-east-1
//   bucket.s3.us-west-2.amazonaws.com               → s3, us-west-2
//   bucket.s3.dualstack.us-west-2.amazonaws.com     → s3, us-west-2
//   bucket.s3-us-west-2.amazonaws.com               → s3, us-west-2
//   s3.amazonaws.com, bucket.s3.amazonaws.com       → s3, us-east-1
//   abc.execute-api.us-east-1.amazonaws.com         → execute-api, us-east-1
//   vpce-1a2b.kms.us-east-1.vpce.amazonaws.com      → kms, us-east-1
//   sts.cn-north-1.amazonaws.com.cn                 → sts, cn-north-1
// Where the host label is not the signing name, the signing name is used (email → ses,
// bedrock-runtime → bedrock, s3-accesspoint / s3-control → s3). Anything else: pass --service.

import { UsageError } from "./errors.js";

export interface Scope {
  region: string;
  service: string;
}

interface Partition {
  suffix: string;
  /** The region of the partition's global (region-less) endpoints. */
  globalRegion: string;
}

const PARTITIONS: readonly Partition[] = [
  { suffix: ".amazonaws.com.cn", globalRegion: "cn-north-1" },
  { suffix: ".amazonaws.com", globalRegion: "us-east-1" },
];

/** us-east-1, eu-central-2, us-gov-west-1, cn-northwest-1, us-iso-east-1, us-isob-east-1 … */
const REGION = /^[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/;
const S3_LEGACY = /^s3-(?:fips-)?([a-z]{2}(?:-gov)?-[a-z]+-\d{1,2})$/;

/** Host labels whose signing name differs. */
const SIGNING_NAMES: Readonly<Record<string, string>> = {
  email: "ses",
  "bedrock-runtime": "bedrock",
  "bedrock-agent-runtime": "bedrock",
  "bedrock-agent": "bedrock",
  "s3-accesspoint": "s3",
  "s3-control": "s3",
};

/** Labels between the service and the region that are not part of either. */
const MODIFIERS = new Set(["dualstack", "fips"]);

function signingName(label: string): string {
  const name = label.endsWith("-fips") ? label.slice(0, -5) : label;
  return SIGNING_NAMES[name] ?? name;
}

/** The region and service of an AWS endpoint, or undefined when `host` does not look like one. */
export function inferScope(host: string): Scope | undefined {
  const h = host.toLowerCase().replace(/:\d+$/, "").replace(/\.$/, "");
  const partition = PARTITIONS.find((p) => h.endsWith(p.suffix));
  if (partition === undefined) return undefined;
  const labels = h.slice(0, -partition.suffix.length).split(".");
  if (labels.some((l) => l === "")) return undefined;

  let r = labels.length - 1;
  while (r >= 0 && !REGION.test(labels[r])) r--;
  if (r >= 0) {
    let s = r - 1;
    while (s >= 0 && MODIFIERS.has(labels[s])) s--;
    if (s >= 0) return { region: labels[r], service: signingName(labels[s]) };
    // A bare region ("us-east-1.amazonaws.com") names no service; a region-like first label
    // followed by more ("us-east-1.s3.amazonaws.com") is a bucket on a global endpoint.
    if (r === labels.length - 1) return undefined;
  }

  const last = labels[labels.length - 1];
  const legacy = S3_LEGACY.exec(last);
  if (legacy !== null) return { region: legacy[1], service: "s3" };
  if (last === "s3-external-1") return { region: "us-east-1", service: "s3" };
  return { region: partition.globalRegion, service: signingName(last) };
}

/** --region / --service, with what is missing inferred from the host; a UsageError when it cannot be. */
export function resolveScope(host: string, region: string | undefined, service: string | undefined): Scope & { inferred: boolean } {
  if (region !== undefined && service !== undefined) return { region, service, inferred: false };
  const scope = inferScope(host);
  if (scope === undefined) {
    const missing = [region === undefined ? "--region" : "", service === undefined ? "--service" : ""].filter(Boolean).join(" and ");
    throw new UsageError(`cannot infer the ${missing.replace(/--/g, "")} from the host '${host}' (not an *.amazonaws.com or *.amazonaws.com.cn endpoint); pass ${missing}`);
  }
  return { region: region ?? scope.region, service: service ?? scope.service, inferred: true };
}
