// Hashes of the inline scripts in the prerendered HTML that Next will serve for a path. Prerendered
// pages are built once and cannot carry a per-request nonce, so the CSP allows their exact scripts by
// hash instead. Read from the build output and cached by file modification time, so a page that is
// revalidated and rewritten gets fresh hashes.
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";

const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;

const cache = new Map<string, { mtimeMs: number; hashes: string[] }>();

export function hashInlineScripts(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    const body = match[1] ?? "";
    if (body.length === 0) continue;
    hashes.add(`'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

function hashesOfFile(file: string): string[] {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    return [];
  }
  const cached = cache.get(file);
  if (cached && cached.mtimeMs === mtimeMs) return cached.hashes;
  const hashes = hashInlineScripts(readFileSync(file, "utf8"));
  cache.set(file, { mtimeMs, hashes });
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
  const page = file ? hashesOfFile(file) : [];
  return [...new Set([...page, ...notFound])];
}
