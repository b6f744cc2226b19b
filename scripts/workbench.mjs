// npm run workbench: serves the workbench page (examples/workbench/) and the built library (dist/)
// on 127.0.0.1, in the repository's own layout, so the page's relative import of
// ../../dist/index.js works here and under any static server rooted at the repository.
// It builds nothing: dist/ comes from `npm run build`. The port is PORT (0 picks a free one).
import { createServer } from "node:http";
import { createReadStream, existsSync, statSync } from "node:fs";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const PAGE = "/examples/workbench/";
const DEFAULT_PORT = 8080;

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
};

/** The file a request path names, or null when it is outside the served folders or missing. */
function fileFor(root, prefixes, pathname) {
  let path;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (!prefixes.some((p) => path.startsWith(p))) return null;
  let file = resolve(root, "." + path);
  // resolve() has removed any "..": what is left must still lie inside one served folder.
  if (!prefixes.some((p) => (file + sep).startsWith(join(root, p)))) return null;
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

/**
 * A static file server over `root` that serves only paths under `prefixes` ("/dist/", …) and
 * redirects "/" to `home`. Listens on 127.0.0.1; resolves once listening.
 * @param {{ root?: string, prefixes: string[], home?: string, port?: number }} options
 */
export function serveStatic({ root = ROOT, prefixes, home, port = 0 }) {
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? "/", "http://localhost");
    if (pathname === "/" && home) {
      res.writeHead(302, { location: home }).end();
      return;
    }
    const file = req.method === "GET" || req.method === "HEAD" ? fileFor(root, prefixes, pathname) : null;
    if (file === null) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found\n");
      return;
    }
    res.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      // Always the file on disk: a rebuilt dist/ shows on the next reload.
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    });
    if (req.method === "HEAD") res.end();
    else createReadStream(file).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", fail);
      ok(server);
    });
  });
}

async function main() {
  if (!existsSync(join(ROOT, "dist/index.js"))) {
    console.error("dist/index.js is missing: run `npm run build` first.");
    process.exit(1);
  }
  const port = process.env.PORT === undefined ? DEFAULT_PORT : Number(process.env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be a port number (0 picks a free one); got ${JSON.stringify(process.env.PORT)}`);
    process.exit(2);
  }
  let server;
  try {
    server = await serveStatic({ prefixes: [PAGE, "/dist/"], home: PAGE, port });
  } catch (error) {
    console.error(error.code === "EADDRINUSE" ? `Port ${port} is in use; set PORT to another one (PORT=0 picks a free one).` : String(error));
    process.exit(1);
  }
  console.log(`SigV4 workbench: http://127.0.0.1:${server.address().port}${PAGE}`);
  console.log("Serving examples/workbench/ and dist/ on 127.0.0.1 only. Ctrl-C stops it.");
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections(); // a browser's keep-alive connections would hold close() open
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
