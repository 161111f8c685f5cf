// Hashes of the inline scripts in the prerendered HTML that Next will serve for a path. Prerendered
// pages cannot carry a per-request nonce, so the CSP allows their exact scripts by hash instead. The
// incremental cache handler (csp-cache-handler.mjs) records the hashes of every version Next loads or
// stores, regenerated pages included; until it has seen a path, the build's HTML file is what Next
// will serve, so it is read instead. Next never rewrites the build's files (regenerated pages live in
// its own cache), so a file's hashes are read once per process: no disk access per request.
import { readFileSync } from "node:fs";
import path from "node:path";
import { hashInlineScripts, recentPageHashes } from "./script-hash-registry.mjs";

export { hashInlineScripts };

// Only files that exist are kept, so the map is bounded by the build output, whatever paths are asked.
const cache = new Map<string, string[]>();

function hashesOfFile(file: string): string[] {
  const cached = cache.get(file);
  if (cached) return cached;
  let html: string;
  try {
    html = readFileSync(file, "utf8");
  } catch {
    return [];
  }
  const hashes = hashInlineScripts(html);
  cache.set(file, hashes);
  return hashes;
}

/** Where the build keeps the prerendered HTML of `pathname` (`/` → index.html, `/a/b` → a/b.html). */
export function prerenderedFileFor(distDir: string, pathname: string): string | undefined {
  const clean = pathname.replace(/\/+$/, "") || "/index";
  // Only plain path segments: never let a request path walk outside the build folder.
  if (!/^(\/[A-Za-z0-9._-]+)+$/.test(clean) || clean.includes("..")) return undefined;
  return path.join(process.cwd(), distDir, "server", "app", `${clean}.html`);
}

/** Hashes for the page at `pathname`, plus the not-found page's (served for any unknown path). */
export function prerenderedScriptHashes(distDir: string, pathname: string): string[] {
  const notFound = hashesOfFile(path.join(process.cwd(), distDir, "server", "app", "_not-found.html"));
  const file = prerenderedFileFor(distDir, pathname);
  const page = recentPageHashes(pathname.replace(/(.)\/+$/, "$1")) ?? (file ? hashesOfFile(file) : []);
  return [...new Set([...page, ...notFound])];
}
