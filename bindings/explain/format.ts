// An Explanation as text for a terminal: the error, the cause in plain words, the first
// difference, and unified-style line diffs ("-" what the client signed, "+" what the service
// computed).

import type { Explanation } from "./explain.js";
import type { DiffLine } from "./diff.js";

const MARK: Record<DiffLine["side"], string> = { same: " ", client: "-", service: "+" };

function diffBlock(title: string, lines: readonly DiffLine[]): string {
  return `${title} (- signed by the client, + computed by the service):\n${lines.map((l) => `${MARK[l.side]} ${l.text}`).join("\n")}\n`;
}

export function formatExplanation(e: Explanation): string {
  const parts: string[] = [];
  if (e.code !== undefined || e.message !== undefined) parts.push(`${e.code ?? "error"}: ${e.message ?? ""}\n`);
  parts.push(`cause: ${e.cause}\n${e.summary}\n`);
  if (e.difference !== undefined) {
    const d = e.difference;
    parts.push(`first difference: ${d.component}${d.name === undefined ? "" : ` ${d.name}`}\n  client:  ${d.client}\n  service: ${d.service}\n`);
  }
  if (e.canonicalRequestDiff !== undefined) parts.push(diffBlock("canonical request", e.canonicalRequestDiff));
  if (e.stringToSignDiff !== undefined) parts.push(diffBlock("string to sign", e.stringToSignDiff));
  return parts.join("\n");
}
