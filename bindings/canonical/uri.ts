// CanonicalURI (AWS SigV4 documentation, "Create a canonical request").
//
// - 'double' (every service but S3): the path as it travels on the wire is URI-encoded once more,
//   so an escape %XX on the wire becomes %25XX, after optional normalisation.
// - 'single' (S3): each segment is percent-decoded ('+' read as a space, encode.ts) and encoded
//   exactly once, the way S3 computes it server-side from the object key (the S3 documentation's
//   `PUT /test$file.text` → /test%24file.text).

import { uriEncode } from "./encode.js";

/** Which encoding the canonical path gets. */
export type UriEncoding = "double" | "single";

/**
 * Removes '.' and '..' segments (RFC 3986 §5.2.4) and empty segments ("//"), keeping a trailing
 * '/' where the path had one or ended in a dot segment (so /a/b/.. → /a/, as WHATWG URL does).
 */
export function normalizePath(path: string): string {
  // Most paths have nothing to remove: no empty segment and no segment starting with '.'.
  if (path.startsWith("/") && !path.includes("//") && !path.includes("/.")) return path;
  const segments = path.split("/");
  const out: string[] = [];
  for (const segment of segments) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") out.pop();
    else out.push(segment);
  }
  const last = segments[segments.length - 1];
  const trailing = out.length > 0 && (last === "" || last === "." || last === "..");
  return "/" + out.join("/") + (trailing ? "/" : "");
}

/** The canonical URI of a path as sent on the wire (without the query). */
export function canonicalUri(path: string, encoding: UriEncoding, normalize: boolean): string {
  const p = path === "" ? "/" : normalize ? normalizePath(path) : path;
  return uriEncode(p, encoding === "double" ? "raw-path" : "encoded-path", "url.path");
}
