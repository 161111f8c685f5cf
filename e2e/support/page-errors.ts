import type { Page } from "@playwright/test";

/** A document answered with a 4xx on purpose: Chromium logs "Failed to load resource: … status of N" for it. */
export type ExpectedRefusal = { path: string; status: number };

/**
 * Collects console errors (CSP violations are reported there too) and uncaught exceptions while a test
 * runs. `expectedMissing` names paths whose 404 is the point of the test, such as a not-found page;
 * `expectedRefusals` paths that answer another 4xx on purpose, such as a plain HTML form shown again with
 * its errors as a 400 (pages/waitlist/join.tsx).
 */
export function watchForPageErrors(page: Page, options: { expectedMissing?: string[]; expectedRefusals?: ExpectedRefusal[] } = {}): string[] {
  const problems: string[] = [];
  const expected = [...(options.expectedMissing ?? []).map((path) => ({ path, status: 404 })), ...(options.expectedRefusals ?? [])];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const source = message.location().url;
    const isExpected =
      source !== "" &&
      expected.some(({ path, status }) => message.text().includes(String(status)) && new URL(source).pathname === path);
    if (!isExpected) problems.push(`${message.text()} (${source})`);
  });
  page.on("pageerror", (error) => problems.push(error.message));
  return problems;
}
