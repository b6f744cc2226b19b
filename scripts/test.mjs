// Runs the test suite and closes with one line "N passed, N failed[, N skipped]" (what CI reads).
import { spawnSync } from "node:child_process";
import { readFileSync, mkdirSync } from "node:fs";

mkdirSync("test-output", { recursive: true });
const report = "test-output/vitest.json";
const run = spawnSync(
  process.execPath,
  ["node_modules/vitest/vitest.mjs", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { stdio: "inherit" },
);
let summary;
try {
  summary = JSON.parse(readFileSync(report, "utf8"));
} catch {
  console.log("0 passed, 1 failed");
  process.exit(run.status || 1);
}
const skipped = summary.numPendingTests + summary.numTodoTests;
const failed = summary.numFailedTests + (run.status !== 0 && summary.numFailedTests === 0 ? 1 : 0);
console.log(`${summary.numPassedTests} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
