import { expect, test } from "@playwright/test";
import { watchForPageErrors } from "../support/page-errors";
import { renderWholePage } from "../support/screenshots";

test.describe("home page", () => {
  test("renders from the production build without any JavaScript, and looks finished", async ({ page }, testInfo) => {
    const problems = watchForPageErrors(page);
    const scripts: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(request.url());
    });
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("real-time apps");
    await expect(page.getByRole("note")).toContainText("Demo: no real money or email");
    // The home page is static HTML and CSS (pages/index.tsx): no script tag, nothing fetched to run.
    await expect(page.locator("script")).toHaveCount(0);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /^http:\/\/[^/]+$/);
    await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", /\/opengraph-image$/);
    expect(scripts).toEqual([]);
    await renderWholePage(page);
    await page.screenshot({ path: testInfo.outputPath("home-1280.png"), fullPage: true });
    await page.setViewportSize({ width: 375, height: 812 });
    await page.screenshot({ path: testInfo.outputPath("home-375.png"), fullPage: true });
    expect(problems).toEqual([]);
  });

  test("sends the security headers", async ({ request }) => {
    const response = await request.get("/");
    const headers = response.headers();
    const csp = headers["content-security-policy"] ?? "";
    const scriptSrc = csp.split(";").map((part) => part.trim()).find((part) => part.startsWith("script-src")) ?? "";
    // The home page is a zero-JS page served without the proxy: scripts from our origin only, so it needs
    // no nonce (proxy.ts, docs/decisions/0014); the App Router pages, rendered per request, carry one.
    expect(scriptSrc).toBe("script-src 'self'");
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    const signInCsp = (await request.get("/sign-in")).headers()["content-security-policy"] ?? "";
    const signInScriptSrc = signInCsp.split(";").map((part) => part.trim()).find((part) => part.startsWith("script-src")) ?? "";
    expect(signInScriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
    expect(signInScriptSrc).not.toContain("unsafe-inline");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["x-powered-by"]).toBeUndefined();
  });
});

test.describe("not-found page", () => {
  test("answers 404 with a way home, without CSP violations", async ({ page }, testInfo) => {
    const problems = watchForPageErrors(page, { expectedMissing: ["/no/such/page"] });
    const response = await page.goto("/no/such/page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "This page does not exist." })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("not-found.png"), fullPage: true });
    await page.getByRole("link", { name: "Back to the home page" }).click();
    await expect(page).toHaveURL(/\/$/);
    expect(problems).toEqual([]);
  });
});
