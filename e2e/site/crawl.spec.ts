import { expect, test } from "@playwright/test";

// Full-page screenshots and a production server on two shared cores: generous, never timed, limits.
test.describe.configure({ timeout: 90_000 });

// Follows every link the site gives to its own pages, starting from the home page, and the pages named
// in its sitemap: none may be missing.
test("a crawl of the site's own links finds no 404", async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const sitemap = await (await request.get("/sitemap.xml")).text();
  const queue = ["/", ...[...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname)];
  const seen = new Set<string>();
  const broken: string[] = [];
  while (queue.length > 0 && seen.size < 200) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const response = await request.get(path, { maxRedirects: 5 });
    if (response.status() >= 400) broken.push(`${path}: ${response.status()}`);
    if (!(response.headers()["content-type"] ?? "").includes("text/html")) continue;
    for (const match of (await response.text()).matchAll(/<a [^>]*href="([^"#]+)/g)) {
      const url = new URL(match[1]!.replace(/&amp;/g, "&"), `${origin}${path}`);
      if (url.origin === origin && !url.pathname.startsWith("/api/")) queue.push(url.pathname + url.search);
    }
  }
  expect(seen.size).toBeGreaterThanOrEqual(12);
  expect(broken).toEqual([]);
});
