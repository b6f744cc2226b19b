// A line diff of what the client signed against what the service computed: the longest common
// subsequence of lines, then the lines only one side has. Canonical requests are tens of lines;
// inputs too large for the quadratic table are compared line by line at the same position.

export interface DiffLine {
  /** "same": both have it; "client": only what the client signed; "service": only what the service computed. */
  side: "same" | "client" | "service";
  text: string;
}

/** Lines × lines above which the table is not built (an error body is never that long). */
const MAX_CELLS = 4_000_000;

function positional(a: string[], b: string[]): DiffLine[] {
  const out: DiffLine[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i]) out.push({ side: "same", text: a[i] });
    else {
      if (i < a.length) out.push({ side: "client", text: a[i] });
      if (i < b.length) out.push({ side: "service", text: b[i] });
    }
  }
  return out;
}

/** lengths[i][j]: the longest common subsequence of a[i..] and b[j..]. */
function lcsTable(a: string[], b: string[]): Uint32Array[] {
  const lengths = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i][j] = a[i] === b[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
    }
  }
  return lengths;
}

export function lineDiff(client: string, service: string): DiffLine[] {
  const a = client.split("\n");
  const b = service.split("\n");
  if ((a.length + 1) * (b.length + 1) > MAX_CELLS) return positional(a, b);
  const lengths = lcsTable(a, b);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ side: "same", text: a[i] });
      i++;
      j++;
    } else if (lengths[i + 1][j] >= lengths[i][j + 1]) {
      out.push({ side: "client", text: a[i++] });
    } else {
      out.push({ side: "service", text: b[j++] });
    }
  }
  while (i < a.length) out.push({ side: "client", text: a[i++] });
  while (j < b.length) out.push({ side: "service", text: b[j++] });
  return out;
}
