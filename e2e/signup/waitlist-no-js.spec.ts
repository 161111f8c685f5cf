// Issue 16: the waitlist is a zero-JavaScript page of the Pages Router (pages/waitlist). Its forms work as
// plain HTML posts: with JavaScript off a visitor joins, sees a field error with what they typed kept, and
// leaves the list from the emailed link. No page of the family loads a script; a post from another site,
// or over 16 kB, is refused and changes nothing.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { expect, test, uniqueEmail } from "../support/auth-fixture";
import { waitForMailText } from "../support/signup-fixture";

function clientAddress(): string {
  const hex = randomUUID().replace(/-/g, "");
  return `10.${[0, 2, 4].map((at) => parseInt(hex.slice(at, at + 2), 16)).join(".")}`;
}

async function entriesFor(database: pg.Pool, email: string): Promise<number> {
  const { rows } = await database.query<{ count: string }>("select count(*)::text as count from waitlist_entries where email = $1", [email]);
  return Number(rows[0]!.count);
}

test.describe("the waitlist without JavaScript", () => {
  test.describe.configure({ timeout: 90_000 });
  test.use({ javaScriptEnabled: false, extraHTTPHeaders: { "x-forwarded-for": clientAddress() } });

  test("a field error keeps what was typed; joining and leaving work as plain form posts, and no page has a script", async ({ page, database }) => {
    const noScript = async (where: string) => expect(page.locator("script"), `${where} has a script`).toHaveCount(0);
    await page.goto("/waitlist");
    await noScript("/waitlist");
    await page.getByLabel("Email address").fill("not-an-email");
    await page.getByLabel("What are you building?").fill("A shared music queue for parties.");
    const answered = page.waitForResponse((response) => response.url().endsWith("/waitlist/join"));
    await page.getByRole("button", { name: "Join the waitlist" }).click();
    expect((await answered).status()).toBe(400);
    await expect(page.locator("#field-email-error")).toHaveText("Enter a valid email address.");
    await expect(page.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Email address")).toHaveValue("not-an-email");
    await expect(page.getByLabel("What are you building?")).toHaveValue("A shared music queue for parties.");
    await noScript("the form shown again");

    const email = uniqueEmail("no-js");
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Join the waitlist" }).click();
    await expect(page).toHaveURL(/\/waitlist\/joined$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thanks, you are on the list");
    await noScript("/waitlist/joined");
    expect(await entriesFor(database, email)).toBe(1);

    const link = (await waitForMailText(email, "You are on the Tandem waitlist")).match(/https?:\/\/\S+\/waitlist\/withdraw\?token=\S+/)?.[0];
    expect(link).toBeDefined();
    await page.goto(link!);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Leave the waitlist?");
    await noScript("/waitlist/withdraw");
    await page.getByRole("button", { name: "Leave the waitlist" }).click();
    await expect(page).toHaveURL(/\/waitlist\/withdrawn$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("You are off the waitlist");
    await noScript("/waitlist/withdrawn");
    const { rows } = await database.query<{ status: string }>("select status from waitlist_entries where email = $1", [email]);
    expect(rows).toEqual([{ status: "withdrawn" }]);
  });
});

test.describe("posts to /waitlist/join", () => {
  test.use({ extraHTTPHeaders: { "x-forwarded-for": clientAddress() } });
  const form = (email: string, extra: Record<string, string> = {}) => ({ email, building: "A turn-based word game.", ...extra });

  test("a valid post answers 303 to /waitlist/joined; a GET goes back to the form", async ({ request, baseURL, database }) => {
    const email = uniqueEmail("post");
    const joined = await request.post("/waitlist/join", { form: form(email), headers: { origin: new URL(baseURL!).origin }, maxRedirects: 0 });
    expect(joined.status()).toBe(303);
    expect(joined.headers().location).toBe("/waitlist/joined");
    expect(await entriesFor(database, email)).toBe(1);
    const visited = await request.get("/waitlist/join", { maxRedirects: 0 });
    expect(visited.status()).toBe(307);
    expect(visited.headers().location).toBe("/waitlist");
  });

  test("a post from another site, or without an Origin, is refused with 403 and stores nothing", async ({ request, database }) => {
    const refused: Array<Record<string, string>> = [{ origin: "https://attacker.example" }, {}];
    for (const headers of refused) {
      const email = uniqueEmail("cross-site");
      const response = await request.post("/waitlist/join", { form: form(email), headers, maxRedirects: 0 });
      expect(response.status(), JSON.stringify(headers)).toBe(403);
      expect(await response.text()).toContain("This form was sent from another site, so nothing was done.");
      expect(await entriesFor(database, email)).toBe(0);
    }
  });

  test("a body over 16 kB answers 413 and stores nothing", async ({ request, baseURL, database }) => {
    const email = uniqueEmail("oversized");
    const response = await request.post("/waitlist/join", {
      form: form(email, { padding: "x".repeat(17 * 1024) }),
      headers: { origin: new URL(baseURL!).origin },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(413);
    expect(await response.text()).toContain("The body is larger than 16384 bytes.");
    expect(await entriesFor(database, email)).toBe(0);
  });
});
