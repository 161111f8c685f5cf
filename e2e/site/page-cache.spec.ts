import { expect, test, type APIResponse } from "@playwright/test";
import { HIT_HEADER, REFILL_HEADER } from "@/lib/page-cache/create-page-cache";

// The zero-JS brochure pages are answered from memory in front of Next (server.ts, lib/page-cache,
// decision 0016). A visitor must not be able to tell: the cached answer is Next's own, byte for byte,
// with the same security headers.
const BROCHURE_PAGES = ["/", "/pricing", "/blog", "/blog/introducing-tandem", "/changelog", "/terms", "/privacy", "/acceptable-use", "/waitlist", "/waitlist/joined", "/waitlist/withdrawn"];

// Headers the cache writes itself (per connection, per encoding, its copy's age in place of Next's
// cache state).
const OWN_HEADERS = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "vary", "x-nextjs-cache", HIT_HEADER]);

test.describe("page cache", () => {
  test("answers every brochure page as Next does, byte for byte and with the same headers", async ({ request }) => {
    for (const path of BROCHURE_PAGES) {
      // Next regenerates a page in the background (the build's copy, then every 15 s) and the cache
      // follows within a second: compare a pair of answers once both have the same page.
      let pair: [APIResponse, APIResponse] | undefined;
      await expect
        .poll(
          async () => {
            const cached = await request.get(path);
            const fromNext = await request.get(path, { headers: { [REFILL_HEADER]: "1" } });
            pair = [cached, fromNext];
            return cached.headers()[HIT_HEADER] !== undefined && (await cached.text()) === (await fromNext.text());
          },
          { message: `${path}: served from the cache, with Next's page`, timeout: 20_000 },
        )
        .toBe(true);
      const [cached, fromNext] = pair!;
      expect(fromNext.headers()[HIT_HEADER], path).toBeUndefined();
      expect(cached.status(), path).toBe(200);
      const strip = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).filter(([name]) => !OWN_HEADERS.has(name)));
      expect(strip(cached.headers()), path).toEqual(strip(fromNext.headers()));
      expect(cached.headers()["content-security-policy"], path).toContain("script-src 'self'");
    }
  });

  test("leaves everything else to Next: query strings, other methods, unknown and account pages", async ({ request }) => {
    await expect.poll(async () => (await request.get("/pricing")).headers()[HIT_HEADER] !== undefined).toBe(true);
    expect((await request.get("/pricing?from=search")).headers()[HIT_HEADER]).toBeUndefined();
    expect((await request.head("/pricing")).headers()[HIT_HEADER]).toBeDefined();
    const posted = await request.post("/pricing", { data: "x", maxRedirects: 0 });
    expect(posted.headers()[HIT_HEADER]).toBeUndefined();
    expect(posted.status()).toBeLessThan(500);
    for (const path of ["/blog/no-such-post", "/sign-in", "/account"]) {
      await request.get(path, { maxRedirects: 0 });
      const again = await request.get(path, { maxRedirects: 0 });
      expect(again.headers()[HIT_HEADER], path).toBeUndefined();
    }
  });
});
