// Hashes of the inline scripts in the HTML that Next serves for each prerendered path, shared by the
// incremental cache handler (which sees every page Next stores or loads) and proxy.ts (which writes the
// CSP). Plain JavaScript because Next loads the cache handler at runtime without compiling it; both
// live in the same server process, so the registry is a Map on globalThis.
import { createHash } from "node:crypto";

const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;
const REGISTRY = Symbol.for("tandem.csp.pageScriptHashes");
// A request's CSP is written just before Next reads the page from its cache: the previous versions'
// hashes stay allowed for a while, so a page stored in between is never served without its own.
const VERSIONS_KEPT = 3;

/** sha256 CSP sources of every non-empty inline script in `html`, as a browser computes them. */
export function hashInlineScripts(html) {
  const hashes = new Set();
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    const body = match[1] ?? "";
    if (body.length === 0) continue;
    hashes.add(`'sha256-${createHash("sha256").update(body, "utf8").digest("base64")}'`);
  }
  return [...hashes];
}

function registry() {
  globalThis[REGISTRY] ??= new Map();
  return globalThis[REGISTRY];
}

/** Records the hashes of a version of `pathname`'s HTML; returns whether it was a new version. */
export function recordPageHtml(pathname, html) {
  const hashes = hashInlineScripts(html);
  const versions = registry().get(pathname) ?? [];
  const key = hashes.join(" ");
  if (versions.some((version) => version.join(" ") === key)) return false;
  registry().set(pathname, [...versions, hashes].slice(-VERSIONS_KEPT));
  return true;
}

/** Every hash of the recent versions of `pathname` that Next may serve, or undefined if none seen yet. */
export function recentPageHashes(pathname) {
  const versions = registry().get(pathname);
  return versions ? [...new Set(versions.flat())] : undefined;
}

/** The request path a cache key stands for: `/route-cache/APP_PAGE/<owner>/$/pricing` → `/pricing`. */
export function pathnameOfCacheKey(key) {
  const at = key.indexOf("/$/");
  const pathname = at >= 0 ? key.slice(at + 2) : key;
  return pathname === "/index" ? "/" : pathname;
}
