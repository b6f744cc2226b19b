// The workbench (npm run workbench) driven in headless Chromium: what the page shows must be what
// the library computes in Node for the same inputs, on load, after edits and after a raw paste;
// bad input must produce an inline error naming the field; typing credentials must send nothing.
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { sign, presign, signingKeyChain, toHex } from "../dist/index.js";
import { KMS } from "./fixtures/browser/scenario.js";
import { sharedBrowser, collectPageErrors } from "./chromium.js";

const browser = sharedBrowser();
let server: ChildProcess | undefined;
let url = "";

/** Starts scripts/workbench.mjs as `npm run workbench` does, on a free port, and reads its URL. */
function startWorkbench(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ["scripts/workbench.mjs"], { env: { ...process.env, PORT: "0" } });
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stdout!.on("data", (chunk) => {
      out += chunk;
      const found = /http:\/\/127\.0\.0\.1:\d+\/\S*/.exec(out);
      if (found) resolve({ child, url: found[0] });
    });
    child.stderr!.on("data", (chunk) => (err += chunk));
    child.on("exit", (code) => reject(new Error(`npm run workbench exited with ${code}:\n${err}`)));
  });
}

beforeAll(async () => {
  ({ child: server, url } = await startWorkbench());
});

afterAll(async () => {
  await browser.close();
  server?.kill();
});

const OUTPUTS = ["canonical-request", "string-to-sign", "key-chain", "signature", "authorization", "presigned-url"] as const;
type Shown = Record<(typeof OUTPUTS)[number], string>;

async function shown(page: Page): Promise<Shown> {
  const entries = await Promise.all(OUTPUTS.map(async (id) => [id, await page.locator(`#${id}`).textContent()] as const));
  return Object.fromEntries(entries) as Shown;
}

/** A fresh page on the workbench, its first computation done, and the errors it reports. */
async function open(): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await (await browser.get()).newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(url);
  try {
    await page.waitForFunction(() => document.getElementById("signature")?.textContent !== "", undefined, { timeout: 10_000 });
  } catch {
    throw new Error(`the workbench never showed a signature:\n${errors.join("\n")}`);
  }
  return { page, errors, close: () => context.close() };
}

/** What the page should show for a request and options, computed here by the library. */
function expectedFor(request: typeof KMS.request, options: typeof KMS.options, expiresIn: number): Shown {
  const signed = sign(request, options);
  const chain = signingKeyChain(options.credentials.secretAccessKey, options.date.slice(0, 8), options.region, options.service);
  const keys = (["kDate", "kRegion", "kService", "kSigning"] as const).map((k) => `${k.padEnd(9)} ${toHex(chain[k])}`);
  return {
    "canonical-request": signed.canonicalRequest,
    "string-to-sign": signed.stringToSign,
    "key-chain": keys.join("\n"),
    signature: signed.signature,
    authorization: signed.authorization,
    "presigned-url": presign(request, { ...options, expiresIn }).url,
  };
}

const expires = async (page: Page): Promise<number> => Number(await page.inputValue("#expires"));

describe("workbench page", () => {
  it("shows, on load, every stage of the KMS example as the library computes it", async () => {
    const { page, errors, close } = await open();
    try {
      expect(await shown(page)).toEqual(expectedFor(KMS.request, KMS.options, await expires(page)));
      expect(await page.locator("#error").isHidden()).toBe(true);
      expect(await page.getAttribute("#secret", "type")).toBe("password");
      mkdirSync("test-output", { recursive: true });
      await page.screenshot({ path: "test-output/workbench.png", fullPage: true });
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it("recomputes on input (region, then body), sending and storing nothing", async () => {
    const { page, errors, close } = await open();
    try {
      const requests: string[] = [];
      page.on("request", (r) => requests.push(r.url()));
      const before = await page.locator("#signature").textContent();

      await page.fill("#region", "eu-central-1");
      const inEu = { ...KMS.options, region: "eu-central-1" };
      expect(await shown(page)).toEqual(expectedFor(KMS.request, inEu, await expires(page)));
      expect(await page.locator("#signature").textContent()).not.toBe(before);

      const body = JSON.stringify({ ...JSON.parse(KMS.request.body), Message: "b3RoZXIK" });
      await page.fill("#body", body);
      expect(await shown(page)).toEqual(expectedFor({ ...KMS.request, body }, inEu, await expires(page)));

      expect(requests).toEqual([]);
      expect(await page.evaluate(() => localStorage.length + sessionStorage.length)).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it("fills the fields from a pasted raw request and signs it", async () => {
    const { page, errors, close } = await open();
    try {
      const request = { ...KMS.request, url: "https://kms.eu-west-1.amazonaws.com/" };
      const headerLines = Object.entries(request.headers).map(([k, v]) => `${k}: ${v}`);
      const raw = ["POST / HTTP/1.1", "Host: kms.eu-west-1.amazonaws.com", ...headerLines, "", request.body].join("\r\n");
      await page.click("summary");
      await page.fill("#raw", raw);
      expect(await page.inputValue("#url")).toBe(request.url);
      expect(await page.inputValue("#body")).toBe(request.body);
      expect(await shown(page)).toEqual(expectedFor(request, KMS.options, await expires(page)));
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it.each([
    ["a non-ASCII header value", "X-Amz-Meta-Note: café", /non-ASCII/],
    ["a header value folded onto a second line (CR LF)", "X-Amz-Meta-Note: one\n two", /CR or LF/],
  ])("shows %s as an inline error naming the header, and no stale signature", async (_, line, rule) => {
    const { page, errors, close } = await open();
    try {
      const headers = await page.inputValue("#headers");
      await page.fill("#headers", `${headers}\n${line}`);
      const error = page.locator("#error");
      expect(await error.isVisible()).toBe(true);
      const text = await error.textContent();
      expect(text).toContain("InvalidHeaderValue");
      expect(text).toContain("headers.x-amz-meta-note");
      expect(text).toMatch(rule);
      expect(await page.getAttribute("#headers", "aria-invalid")).toBe("true");
      expect(await page.locator("#signature").textContent()).toBe("");
      expect(await page.locator("#presigned-url").textContent()).toBe("");

      await page.fill("#headers", headers);
      expect(await error.isHidden()).toBe(true);
      expect(await page.locator("#signature").textContent()).toBe(sign(KMS.request, KMS.options).signature);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});
