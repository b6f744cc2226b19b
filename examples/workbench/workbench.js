// SigV4 workbench: reads the form, signs and presigns with the built library on every edit, and
// shows each stage. Plain DOM, no framework. Credentials live only in the form fields: nothing here
// stores them or sends them, and the page's Content-Security-Policy allows no connections anyway.
import { sign, presign, signingKeyChain, toHex, SigningError } from "../../dist/index.js";

const $ = (id) => document.getElementById(id);

// ── Reading the form ────────────────────────────────────────────────────────────────────────

/** "Name: value" lines into [name, value] pairs; a line starting with space or tab continues the
 *  previous value as an obs-fold (CR LF + the line), which the library then rejects by name. */
function parseHeaders(text) {
  const pairs = [];
  for (const [i, line] of text.split("\n").entries()) {
    if (line.trim() === "") continue;
    if (/^[ \t]/.test(line) && pairs.length > 0) {
      pairs[pairs.length - 1][1] += "\r\n" + line;
      continue;
    }
    const colon = line.indexOf(":");
    if (colon < 1) throw inputError("headers", `line ${i + 1} is not "Name: value"`);
    pairs.push([line.slice(0, colon), line.slice(colon + 1)]);
  }
  return pairs;
}

/** An error of the page's own (not the library's), shaped like a SigningError. */
function inputError(field, message) {
  return Object.assign(new Error(`${field}: ${message}`), { code: "InvalidInput", field });
}

function optional(value) {
  return value === "" ? undefined : value;
}

function readForm() {
  const request = { method: $("method").value, url: $("url").value, headers: parseHeaders($("headers").value), body: $("body").value };
  const options = {
    credentials: {
      accessKeyId: $("access-key-id").value,
      secretAccessKey: $("secret").value,
      sessionToken: optional($("session-token").value),
    },
    region: $("region").value,
    service: $("service").value,
    // One instant for every stage of this computation when the field is empty.
    date: optional($("date").value.trim()) ?? new Date(),
  };
  const expires = $("expires").value;
  return { request, options, expiresIn: expires === "" ? undefined : Number(expires) };
}

// ── Computing ───────────────────────────────────────────────────────────────────────────────

/** The chain for the signing date as the library reads it: from the signed request, or, when that
 *  failed on something other than the date or scope, from signing a bare request at that date. */
function keyChain(options, signed) {
  const amzDate = (signed ?? sign({ url: "https://example.com/" }, options)).amzDate;
  const chain = signingKeyChain(options.credentials.secretAccessKey, amzDate.slice(0, 8), options.region, options.service);
  return ["kDate", "kRegion", "kService", "kSigning"].map((k) => `${k.padEnd(9)} ${toHex(chain[k])}`).join("\n");
}

/** Runs fn; on failure records the error and gives undefined, so the other stages still show. */
function attempt(fn, errors) {
  try {
    return fn();
  } catch (error) {
    errors.push(error);
    return undefined;
  }
}

function compute(errors) {
  const form = attempt(readForm, errors);
  if (form === undefined) return {};
  const signed = attempt(() => sign(form.request, form.options), errors);
  const presigned = attempt(() => presign(form.request, { ...form.options, expiresIn: form.expiresIn }), errors);
  const chain = attempt(() => keyChain(form.options, signed), errors);
  return { signed, presigned, chain };
}

// ── Showing ─────────────────────────────────────────────────────────────────────────────────

/** The form control an error's field names (SigningError.field, or the argument a RangeError quotes). */
const FIELDS = [
  [/^method$/, "method"],
  [/^(url|path|request)$/, "url"],
  [/^headers/, "headers"],
  [/^body$/, "body"],
  [/^raw$/, "raw"],
  [/accessKeyId$|^options\.credentials$/, "access-key-id"],
  [/secretAccessKey$/, "secret"],
  [/sessionToken$/, "session-token"],
  [/(^|\.)region$/, "region"],
  [/(^|\.)service$/, "service"],
  [/(^|\.)date$/, "date"],
  [/expiresIn$/, "expires"],
];

function describe(error) {
  if (error instanceof SigningError || error.code === "InvalidInput") return { code: error.code, field: error.field, message: error.message };
  // The primitives throw TypeError / RangeError naming the argument in quotes: "date" must be …
  const field = /^"(\w+)"/.exec(error.message)?.[1];
  return { code: error.name, field, message: error.message };
}

function controlFor(field) {
  const hit = field === undefined ? undefined : FIELDS.find(([pattern]) => pattern.test(field));
  return hit ? $(hit[1]) : null;
}

/** The message with its leading field name set in code: "headers.x-a: contains …". */
function fieldFirst({ field, message }) {
  if (field === undefined || !message.startsWith(field + ": ")) return [message];
  const name = document.createElement("code");
  name.textContent = field;
  return [name, message.slice(field.length)];
}

function showErrors(errors) {
  const seen = new Set();
  const list = document.createElement("ul");
  for (const e of errors.map(describe)) {
    if (seen.has(e.message)) continue; // sign and presign often fail on the same input
    seen.add(e.message);
    const code = document.createElement("strong");
    code.textContent = e.code;
    const item = document.createElement("li");
    item.append(code, " ", ...fieldFirst(e));
    list.append(item);
    const control = controlFor(e.field);
    control?.setAttribute("aria-invalid", "true");
    control?.setAttribute("aria-describedby", "error");
  }
  $("error").replaceChildren(list);
  $("error").hidden = seen.size === 0;
}

function show(results) {
  const { signed, presigned, chain } = results;
  $("canonical-request").textContent = signed?.canonicalRequest ?? "";
  $("string-to-sign").textContent = signed?.stringToSign ?? "";
  $("key-chain").textContent = chain ?? "";
  $("signature").textContent = signed?.signature ?? "";
  $("authorization").textContent = signed?.authorization ?? "";
  $("presigned-url").textContent = presigned?.url ?? "";
  const signedHeaders = Object.keys(presigned?.headers ?? {});
  $("presign-headers").textContent = signedHeaders.length ? `Send it with the headers it signs: ${signedHeaders.join(", ")}.` : "";
}

function update(extraErrors = []) {
  for (const el of document.querySelectorAll("[aria-invalid]")) {
    el.removeAttribute("aria-invalid");
    el.removeAttribute("aria-describedby");
  }
  const errors = [...extraErrors];
  show(compute(errors));
  showErrors(errors);
}

// ── A raw request pasted in ─────────────────────────────────────────────────────────────────

/** Splits a raw HTTP/1.1 request into the form's fields; the URL is https://<Host><target>. */
function parseRaw(text) {
  const blank = /\r?\n\r?\n/.exec(text);
  const head = blank ? text.slice(0, blank.index) : text;
  const body = blank ? text.slice(blank.index + blank[0].length) : "";
  const [requestLine, ...headerLines] = head.split(/\r?\n/);
  const line = /^(\S+)\s+(.+?)(?:\s+HTTP\/\d(?:\.\d)?)?\s*$/.exec(requestLine);
  if (!line) throw inputError("raw", 'the first line is not a request line such as "GET /path HTTP/1.1"');
  const [, method, target] = line;
  const host = headerLines.find((l) => /^host\s*:/i.test(l));
  const absolute = /^https?:\/\//i.test(target);
  if (!absolute && !host) throw inputError("raw", "has no Host header to build the URL from");
  const url = absolute ? target : `https://${host.slice(host.indexOf(":") + 1).trim()}${target}`;
  const headers = headerLines.filter((l) => l !== host).join("\n");
  return { method, url, headers, body };
}

function onRawInput() {
  const text = $("raw").value;
  if (text.trim() === "") return update();
  let fields;
  try {
    fields = parseRaw(text);
  } catch (error) {
    return update([error]);
  }
  for (const [id, value] of Object.entries(fields)) $(id).value = value;
  update();
}

// ── Buttons ─────────────────────────────────────────────────────────────────────────────────

/** The current time as an x-amz-date: 20150830T123600Z. */
function amzNow() {
  return new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

async function copy(button) {
  const pre = $(button.dataset.copy);
  if (pre.textContent === "") return;
  try {
    await navigator.clipboard.writeText(pre.textContent);
  } catch {
    // navigator.clipboard exists only in secure contexts; elsewhere select the text and copy that.
    getSelection().selectAllChildren(pre);
    document.execCommand("copy");
  }
  button.textContent = "Copied";
  setTimeout(() => (button.textContent = "Copy"), 1500);
  $("copied").textContent = button.getAttribute("aria-label").replace("Copy", "Copied") + ".";
}

function wire() {
  const form = $("inputs");
  form.addEventListener("input", (event) => (event.target.id === "raw" ? onRawInput() : update()));
  form.addEventListener("submit", (event) => event.preventDefault());
  // The reset event fires before the fields return to their defaults.
  form.addEventListener("reset", () => setTimeout(update));
  $("now").addEventListener("click", () => {
    $("date").value = amzNow();
    update();
  });
  for (const button of document.querySelectorAll("button.copy")) button.addEventListener("click", () => copy(button));
  update();
}

wire();
