// The JavaScript a page makes a modern browser load: every <script src> in its HTML except `nomodule`
// ones (legacy polyfills, which module-capable browsers neither fetch nor run), and every module those
// import, at once or on demand (an island's React chunk counts even though it loads only when the
// visitor reaches the island), gzip-compressed as a server would send it.
import { gzipSync } from "node:zlib";

export type ScriptSizes = { files: number; gzipBytes: number; scripts: Set<string> };

export async function pageScriptSizes(siteUrl: string, path: string): Promise<ScriptSizes> {
  const html = await (await fetch(`${siteUrl}${path}`)).text();
  const tags = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"[^>]*>/g)].filter(
    (match) => !/\bnomodule\b/i.test(match[0]),
  );
  const pending = tags.map((match) => new URL(match[1]!.replace(/&amp;/g, "&"), siteUrl).href);
  const scripts = new Set<string>();
  let gzipBytes = 0;
  while (pending.length > 0) {
    const src = pending.pop()!;
    if (scripts.has(src)) continue;
    scripts.add(src);
    const response = await fetch(src);
    if (!response.ok) throw new Error(`${src}: HTTP ${response.status}`);
    const body = Buffer.from(await response.arrayBuffer());
    gzipBytes += gzipSync(body).length;
    // Relative module imports, static (`from"./x.js"`) or dynamic (`import("./x.js")`).
    for (const imported of body.toString("utf8").matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*)["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      pending.push(new URL(imported[1]!, src).href);
    }
  }
  return { files: scripts.size, gzipBytes, scripts };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/**
 * JS of `/` and `/pricing` against the framework's floor in the same build: the not-found page, which
 * has no client components (budget: at most 15 kB gzip above it, DESIGN section 11).
 */
export async function benchPageScripts(siteUrl: string): Promise<string[]> {
  const floor = await pageScriptSizes(siteUrl, "/no-such-page-for-the-bench");
  const lines = [`pages     JS floor (not-found page)  ${kb(floor.gzipBytes)} gzip in ${floor.files} files`];
  for (const path of ["/", "/pricing"]) {
    const page = await pageScriptSizes(siteUrl, path);
    const above = page.gzipBytes - floor.gzipBytes;
    lines.push(
      `pages     JS ${path.padEnd(9)}              ${kb(page.gzipBytes)} gzip in ${page.files} files, ${kb(above)} above the floor (budget 15 kB: ${above <= 15 * 1024 ? "met" : "NOT met"})`,
    );
  }
  return lines;
}
