// Screenshots for people to look at, kept after the run (Playwright empties its own output folder):
// test-results/<area>/<name>-<width>.png and <name>-<width>-dark.png. test-results/ is not committed.
// Taken when E2E_SCREENSHOTS=1, or when it is unset and CI is not `true` (scripts/lib/e2e-screenshots.ts):
// CI throws them away, and they were about a third of its end-to-end time. No assertion reads them.
import path from "node:path";
import type { Page } from "@playwright/test";
import { areScreenshotsWanted } from "@/scripts/lib/e2e-screenshots";

/**
 * Blocks that render only near the viewport (`content-visibility: auto`: a blog post's paragraphs, the
 * home page's later sections, the footer) are drawn as a reader scrolling the page sees them; a full-page
 * capture would otherwise leave them blank.
 */
export async function renderWholePage(page: Page): Promise<void> {
  await page.addStyleTag({ content: "* { content-visibility: visible !important; }" });
}

/**
 * Full-page screenshots at 1280 and 375 px wide, in the light and the dark colour scheme (the whole page
 * rendered), then back to the desktop width and the light scheme. Without screenshots the page ends in
 * the same state (whole page rendered, 1280 × 800, light), so what a test checks next is the same.
 */
export async function screenshotBothWidths(page: Page, area: string, name: string): Promise<void> {
  await renderWholePage(page);
  if (areScreenshotsWanted(process.env)) {
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      const suffix = colorScheme === "dark" ? "-dark" : "";
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: width === 375 ? 812 : 800 });
        await page.screenshot({ path: path.resolve("test-results", area, `${name}-${width}${suffix}.png`), fullPage: true });
      }
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 800 });
}
