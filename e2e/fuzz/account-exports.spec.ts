// Fuzz: what a signed-in member can send: the usage and statement pages, their CSV exports and the
// monthly statement PDF with hostile query strings, the settings forms with hostile names and amounts,
// and hostile admin paths (a member gets the ordinary 404). Never a 5xx; a refused settings change leaves the account as it was.
import fc from "fast-check";
import { expect, test } from "../support/auth-fixture";
import { signInNewPerson } from "../account/account-steps";
import { expectNoServerError, fuzzParameters, hostileString, looselyEncoded } from "./fuzz-support";
import { readNoJsForm, submitNoJsForm } from "./no-js-forms";

const USAGE_KEYS = ["range", "from", "to", "granularity", "group", "page"] as const;
const STATEMENT_KEYS = ["type", "cursor", "before", "after", "page", "month"] as const;

function queryArbitrary(keys: readonly string[]): fc.Arbitrary<string> {
  const value = fc.oneof(hostileString, fc.constantFrom("custom", "30d", "hour", "day", "space", "usage", "top_up", "1", "2026-11-01", "2026-11", "1999-01", "99999999999999999999"));
  return fc
    .dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length })
    .map((params) => Object.entries(params).map(([key, text]) => `${key}=${looselyEncoded(text)}`).join("&"));
}

test.describe("fuzz: a member's pages, exports and forms", () => {
  test.describe.configure({ timeout: 180_000 });

  test("usage and statement pages and CSVs with hostile queries: no 5xx", async ({ page, invite }) => {
    await signInNewPerson(page, invite, "fuzz-member");
    const target = fc.oneof(
      queryArbitrary(USAGE_KEYS).map((query) => `/account/usage/export?${query}`),
      queryArbitrary(STATEMENT_KEYS).map((query) => `/account/statement/export?${query}`),
      queryArbitrary(STATEMENT_KEYS).map((query) => `/account/statement/pdf?${query}`),
      queryArbitrary(USAGE_KEYS).map((query) => `/account/usage?${query}`),
      queryArbitrary(STATEMENT_KEYS).map((query) => `/account/statement?${query}`),
      hostileString.map((segment) => `/admin/${looselyEncoded(segment)}`),
      hostileString.map((segment) => `/account/${looselyEncoded(segment)}`),
    );
    await fc.assert(
      fc.asyncProperty(target, async (path) => {
        const response = await page.request.get(path, { maxRedirects: 0 });
        await expectNoServerError(response, `GET ${path}`);
        if (path.startsWith("/admin/")) expect(response.status(), `a member reached ${path}`).toBe(404);
      }),
      fuzzParameters(60),
    );
  });

  test("settings forms with hostile names and amounts: no 5xx; only well-formed values are ever stored", async ({ page, invite, database }) => {
    const email = await signInNewPerson(page, invite, "fuzz-settings");
    const nameForm = await readNoJsForm(page, "/account/settings", "Save name");
    const thresholdForm = await readNoJsForm(page, "/account/settings", "Save alert amount");
    const snapshot = async () =>
      (
        await database.query<{ name: string | null; threshold: string }>(
          `select u.name, b.low_threshold_micros::text as threshold from "user" u join billing_accounts b on b.owner_user_id = u.id where u.email = $1`,
          [email],
        )
      ).rows[0]!;
    await fc.assert(
      fc.asyncProperty(hostileString, hostileString, async (name, threshold) => {
        for (const [form, fields] of [
          [nameForm, { name }],
          [thresholdForm, { threshold }],
        ] as const) {
          const response = await submitNoJsForm(page.request, form, fields);
          await expectNoServerError(response, `settings ${JSON.stringify(fields).slice(0, 120)}`);
          // Whatever was sent, only well-formed text and amounts in range are ever stored.
          const stored = await snapshot();
          expect(stored.name === null || (stored.name.isWellFormed() && !/[\u0000-\u001f\u007f-\u009f]/.test(stored.name)), `stored name ${JSON.stringify(stored.name)}`).toBe(true);
          expect(BigInt(stored.threshold) >= 0n && BigInt(stored.threshold) <= 10_000_000_000n, `stored threshold ${stored.threshold}`).toBe(true);
        }
      }),
      fuzzParameters(30),
    );
  });
});
