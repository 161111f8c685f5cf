import type { Page } from "@playwright/test";

/**
 * Collects console errors (CSP violations are reported there too) and uncaught exceptions while a test
 * runs. `expectedMissing` names paths whose 404 is the point of the test, such as a not-found page.
 */
export function watchForPageErrors(page: Page, options: { expectedMissing?: string[] } = {}): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const source = message.location().url;
    const isExpected404 =
      message.text().includes("404") &&
      source !== "" &&
      (options.expectedMissing ?? []).some((path) => new URL(source).pathname === path);
    if (!isExpected404) problems.push(`${message.text()} (${source})`);
  });
  page.on("pageerror", (error) => problems.push(error.message));
  return problems;
}
