// Steps shared by the account-area journeys: sign a new person in, check a page with axe, and feed
// usage in through the billing API as a platform host does.
import { createHash, randomBytes } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, Page } from "@playwright/test";
import type pg from "pg";
import { expect, uniqueEmail, waitForLink } from "../support/auth-fixture";
import { requestLink } from "../support/sign-in-steps";

export async function signInNewPerson(page: Page, invite: (email: string) => Promise<void>, label: string): Promise<string> {
  const email = uniqueEmail(label);
  await invite(email);
  await requestLink(page, email);
  await page.goto(await waitForLink(email));
  await expect(page).toHaveURL(/\/account$/);
  return email;
}

/** No serious or critical axe violations on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** A platform token written straight to the test database (stored hashed, as the site stores them). */
export async function createPlatformToken(database: pg.Pool): Promise<string> {
  const token = `ptk_${randomBytes(20).toString("hex")}`;
  const hash = createHash("sha256").update(token).digest("hex");
  await database.query(`insert into platform_tokens (name, token_hash, prefix) values ('e2e account', $1, $2)`, [hash, token.slice(0, 8)]);
  return token;
}

export async function sendUsage(request: APIRequestContext, token: string, records: object[]): Promise<void> {
  const response = await request.post("/api/billing/v1/usage", { headers: { authorization: `Bearer ${token}` }, data: { records } });
  expect(response.status(), await response.text()).toBe(200);
}

/** Parses the site's CSV (RFC 4180, no embedded line breaks in our fields) into objects by header. */
export function parseCsv(text: string): Array<Record<string, string>> {
  const lines = text.trim().split("\r\n");
  const split = (line: string) => [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((match) => match[1]!.replace(/^"|"$/g, "").replace(/""/g, '"'));
  const header = split(lines[0]!);
  return lines.slice(1).map((line) => Object.fromEntries(split(line).map((value, index) => [header[index]!, value])));
}
