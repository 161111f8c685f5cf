import { expect, test } from "@playwright/test";
import { watchForPageErrors } from "../support/page-errors";
import { screenshotBothWidths } from "../support/screenshots";
import { SITE_PAGES, watchForCspViolations } from "./site-support";

// Full-page screenshots and a production server on two shared cores: generous, never timed, limits.
test.describe.configure({ timeout: 90_000 });

test.describe("marketing pages", () => {
  for (const sitePage of SITE_PAGES) {
    test(`${sitePage.path} renders under the CSP without console errors`, async ({ page }) => {
      const problems = watchForPageErrors(page);
      const violations = await watchForCspViolations(page);
      const response = await page.goto(sitePage.path);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(sitePage.heading);
      await expect(page.getByRole("contentinfo")).toContainText("Terms of service");
      if ("isStatic" in sitePage) {
        // No React runtime: no inline script at all (pricing's one script is its calculator island).
        await expect(page.locator("script:not([src])")).toHaveCount(0);
      } else {
        // React hydrated: its inline bootstrap scripts ran, so none was blocked.
        await expect
          .poll(() => page.evaluate(() => Array.isArray((window as unknown as { __next_f?: unknown }).__next_f)))
          .toBe(true);
      }
      await screenshotBothWidths(page, "site", sitePage.name);
      expect(await violations()).toEqual([]);
      expect(problems).toEqual([]);
    });
  }

  test("the not-found page answers 404 and looks finished", async ({ page }) => {
    const problems = watchForPageErrors(page, { expectedMissing: ["/no/such/page"] });
    const violations = await watchForCspViolations(page);
    const response = await page.goto("/no/such/page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page does not exist.");
    await screenshotBothWidths(page, "site", "not-found");
    expect(await violations()).toEqual([]);
    expect(problems).toEqual([]);
  });

  test("every page has its own title, description, canonical URL and social card", async ({ request }) => {
    const titles = new Set<string>();
    for (const sitePage of SITE_PAGES) {
      const html = await (await request.get(sitePage.path)).text();
      const title = html.match(/<title[^>]*>([^<]+)<\/title>/)?.[1] ?? "";
      expect(titles.has(title), `duplicate title ${title}`).toBe(false);
      titles.add(title);
      expect(html).toMatch(/<meta name="description" content="[^"]{30,}"/);
      // Canonical URLs are APP_URL (as built) plus the page's own path.
      const canonical = html.match(/<link rel="canonical" href="([^"]+)"/)?.[1] ?? "";
      expect(new URL(canonical).pathname).toBe(sitePage.path);
      const image = html.match(/<meta property="og:image" content="([^"]+)"/)?.[1] ?? "";
      expect(image).toMatch(/\/(opengraph-image|social-cards\/[\w/-]+\.png)(\?|$)/);
      const card = await request.get(new URL(image).pathname);
      expect(card.status(), image).toBe(200);
      expect(card.headers()["content-type"]).toBe("image/png");
    }
  });
});
