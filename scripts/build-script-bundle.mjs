// Builds dist/sigv4.iife.js: one classic script, no imports or exports, that defines a global
// `SigV4` with the whole public API, for hosts that cannot load modules (Rhino and so Apigee-style
// JavaScript policies, QuickJS, script tags, vm realms). It is built from the portable entry, so
// where WebAssembly is missing it signs with the JavaScript core.
//
// Two passes, because esbuild cannot lower ES2015 syntax to ES5 (classes, rest parameters and
// spread are refused with "not supported yet") and Rhino 1.7.14 parses none of those:
//   1. esbuild bundles the TypeScript sources into an ES2020 IIFE;
//   2. TypeScript's transpiler lowers that one file to ES5 (classes to functions, #private fields
//      to WeakMaps, for-of over iterables through Symbol.iterator with downlevelIteration).
// TypeScript 6 marks the ES5 target deprecated (ignoreDeprecations silences it); TypeScript 7
// removes it, so this step needs the 6.x compiler the project pins.
//
// Usage: node scripts/build-script-bundle.mjs [--entry bindings/portable.ts] [--outfile dist/sigv4.iife.js]
// Tests import buildScriptBundle() and run the returned code without writing a file.

import { build } from "esbuild";
import { writeFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

export const GLOBAL_NAME = "SigV4";
const ROOT = fileURLToPath(new URL("..", import.meta.url));

/** Pass 1: the sources bundled into one ES2020 IIFE (what esbuild can emit without refusing). */
async function bundle(entry) {
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: ROOT,
    bundle: true,
    format: "iife",
    globalName: GLOBAL_NAME,
    platform: "neutral",
    target: "es2020",
    write: false,
    legalComments: "none",
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}

/** Pass 2: ES5 syntax; any diagnostic (a construct TypeScript cannot lower) fails the build. */
function lowerToEs5(code) {
  const out = ts.transpileModule(code, {
    reportDiagnostics: true,
    compilerOptions: {
      target: ts.ScriptTarget.ES5,
      module: ts.ModuleKind.ESNext,
      downlevelIteration: true,
      ignoreDeprecations: "6.0",
      removeComments: false,
    },
  });
  if (out.diagnostics.length > 0) {
    const messages = out.diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    throw new Error(`lowering to ES5 failed:\n${messages.join("\n")}`);
  }
  return out.outputText;
}

/**
 * The script bundle as a string. TypeScript's helpers (__extends, __values, …) are declared at
 * the top of its output; the outer function keeps them, and its "use strict", out of the host's
 * global scope, which a JS policy engine shares between the scripts of one proxy.
 */
export async function buildScriptBundle({ entry = "bindings/portable.ts" } = {}) {
  const lowered = lowerToEs5(await bundle(entry));
  return `var ${GLOBAL_NAME} = (function () {\n${lowered}\nreturn ${GLOBAL_NAME};\n})();\n`;
}

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : process.argv[i + 1];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const entry = option("--entry", "bindings/portable.ts");
  const outfile = option("--outfile", "dist/sigv4.iife.js");
  const code = await buildScriptBundle({ entry });
  mkdirSync(dirname(outfile), { recursive: true });
  writeFileSync(outfile, code);
  console.log(`wrote ${outfile}: ${Buffer.byteLength(code)} bytes (global ${GLOBAL_NAME}, ES5 syntax) from ${entry}`);
}
