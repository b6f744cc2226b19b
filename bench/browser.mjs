// Signing and hashing inside headless Chromium, where a page has no node:crypto: sigv4-wasm
// against aws4fetch (the reference: WebCrypto, async), @smithy/signature-v4 as the JS SDK v3 runs
// in browsers (@aws-crypto/sha256-browser, WebCrypto) and on the pure-JS @aws-crypto/sha256-js,
// and sigv4-wasm's SHA-256 against crypto.subtle.digest. bench/browser-page.mjs is bundled with
// esbuild and served to the page by playwright's request routing (nothing listens on a port),
// with the headers that make the page cross-origin isolated: Chromium then gives performance.now()
// a 5 µs resolution instead of 100 µs. Samples last about 500 µs for the same reason.
import { build } from "esbuild";
import { launchChromium } from "../scripts/chromium.mjs";
import { SMOKE, TIMING, writeResult, printTable } from "./harness.mjs";
import { methodOf } from "./timing.mjs";

const ORIGIN = "http://localhost:8787";
// One attempt per group: in a page the spread comes mostly from the page itself (async calls through
// the event loop, the 5 µs timer), not from the machine: the page's groups had median spreads of
// 27–70 % in six of seven in the full run committed at aa59356, and 23–107 % in all seven at bb79d7b,
// so measuring a group again would not make it quieter.
const SETTINGS = { ...TIMING, sampleNs: SMOKE ? TIMING.sampleNs : 500_000, quiet: undefined };
const CORES = { simd: "WebAssembly SIMD", scalar: "scalar WebAssembly", js: "JavaScript" };
const ISOLATION = { "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp" };

const bundle = await build({
  entryPoints: [new URL("./browser-page.mjs", import.meta.url).pathname],
  bundle: true, format: "esm", platform: "browser", target: "es2022", write: false, logLevel: "error",
});
const FILES = {
  "/": { contentType: "text/html; charset=utf-8", body: '<!doctype html><meta charset="utf-8"><title>sigv4-wasm bench</title><script type="module" src="/bench.js"></script>' },
  "/bench.js": { contentType: "text/javascript; charset=utf-8", body: bundle.outputFiles[0].text },
};

const browser = await launchChromium();
try {
  const page = await browser.newPage();
  page.on("console", (message) => process.stderr.write(`${message.text()}\n`));
  page.on("pageerror", (error) => process.stderr.write(`page error: ${error.message}\n`));
  await page.route(`${ORIGIN}/**`, (route) => {
    const file = FILES[new URL(route.request().url()).pathname];
    return file ? route.fulfill({ status: 200, headers: ISOLATION, ...file }) : route.fulfill({ status: 404, body: "" });
  });
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => typeof globalThis.runBench === "function");
  if (!(await page.evaluate(() => globalThis.crossOriginIsolated))) throw new Error("the bench page is not cross-origin isolated: its timer would have 100 µs steps");
  const result = await page.evaluate((settings) => globalThis.runBench(settings), SETTINGS);
  const version = browser.version();
  for (const x of result.excluded) console.log(`${x.group}: ${x.name} excluded (${x.reason})`);
  writeResult("browser", {
    kind: "timing",
    browser: { name: "Chromium", version, userAgent: result.userAgent },
    method: `${methodOf(SETTINGS)}; in a cross-origin isolated page (performance.now() in 5 µs steps)`,
    notes: [
      "Fixed date 20150830T123600Z, AWS example credentials AKIDEXAMPLE; one credential, so every signer's key cache hits after the first call. The shapes are those of the signing suite.",
      `sigv4-wasm runs its ${CORES[result.core] ?? result.core} core here. Async signers and crypto.subtle.digest are awaited one call at a time (their latency), as in the Node suites.`,
      "aws4fetch: allHeaders: true and a cache Map shared across calls; for shape c the payload hash is crypto.subtle.digest inside the timed call. @smithy/signature-v4: applyChecksum and uriEscapePath: false only for S3.",
      "aws4 and the hand-written signer need node:crypto, so they are not in this suite.",
    ],
    excluded: result.excluded,
    rows: result.rows,
  });
  printTable("browser", result.rows);
} finally {
  await browser.close();
}
