// The admin area must not admit it exists: anyone but an operator, signed in or not, gets exactly the
// ordinary not-found page, in the HTML and in the server-component payload a client navigation
// fetches. Nothing of the admin area (its name, its page titles, its tabs) may resolve before the role
// check, metadata included.
import type { APIRequestContext } from "@playwright/test";
import { signInNewPerson } from "../account/account-steps";
import { expect, signIn, test } from "../support/signup-fixture";

const ADMIN_PATHS = ["/admin", "/admin/waitlist", "/admin/codes", "/admin/invites", "/admin/emails", "/admin/audit"];
// Added one line per area, so parallel changes merge. A draft id that may or may not exist: either way a 404.
ADMIN_PATHS.push("/admin/rates", "/admin/rates/drafts/1", "/admin/rates/drafts/1/shadow-bill");
// The admin area's own words: its name and its tab labels (the marketing header says "waitlist" too,
// so that one is left out).
const ADMIN_WORDS = ["Admin", "Operators", "Invite codes", "Undelivered emails", "Audit log", "Pending invites"];
ADMIN_WORDS.push("Rate cards", "Shadow bill");

const titleOf = (html: string) => html.match(/<title>([^<]*)<\/title>/)?.[1];

async function fetchBoth(request: APIRequestContext, path: string) {
  const html = await request.get(path);
  // What a client-side navigation asks for: the route's server-component payload.
  const rsc = await request.get(path, { headers: { RSC: "1" } });
  return { status: html.status(), html: await html.text(), rscStatus: rsc.status(), rsc: await rsc.text() };
}

async function expectOrdinaryNotFound(request: APIRequestContext) {
  const ordinary = await fetchBoth(request, "/no-such-page-here");
  expect(ordinary.status).toBe(404);
  for (const path of ADMIN_PATHS) {
    const answer = await fetchBoth(request, path);
    expect(answer.status, path).toBe(404);
    expect(titleOf(answer.html), path).toBe(titleOf(ordinary.html));
    for (const word of ADMIN_WORDS) {
      expect(answer.html.includes(word), `${path} HTML says "${word}"`).toBe(false);
      expect(answer.rsc.includes(word), `${path} payload says "${word}"`).toBe(false);
    }
  }
}

test.describe("admin area for non-operators", () => {
  test.describe.configure({ timeout: 120_000 });

  test("answers anonymous visitors with the ordinary not-found page, naming nothing", async ({ page }) => {
    await expectOrdinaryNotFound(page.request);
  });

  test("answers a signed-in member with the ordinary not-found page, naming nothing", async ({ page, invite }) => {
    await signInNewPerson(page, invite, "admin-hidden-member");
    await expectOrdinaryNotFound(page.request);
  });

  test("still shows an operator the admin area with its titles", async ({ page, operatorEmail }) => {
    await signIn(page, operatorEmail);
    const answer = await fetchBoth(page.request, "/admin/audit");
    expect(answer.status).toBe(200);
    expect(titleOf(answer.html)).toBe("Audit log · Admin · Tandem");
  });
});
