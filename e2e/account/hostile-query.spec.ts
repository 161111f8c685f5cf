// What a stranger can put in the account area's query strings: years 0000 and 9999, a cursor past
// bigint, NUL. Pages say what was wrong and show a sensible default; CSV routes answer a JSON 400.
import { signInNewPerson } from "./account-steps";
import { expect, test } from "../support/auth-fixture";

test("the usage and statement pages and their CSV files refuse out-of-range and control-character queries", async ({ page, invite }) => {
  test.setTimeout(120_000);
  await signInNewPerson(page, invite, "hostile-query");
  const pages = [
    { path: "/account/usage?range=custom&from=0000-01-01&to=9999-12-31", notice: "That range could not be shown" },
    { path: "/account/usage?range=custom&from=9999-12-01&to=9999-12-31", notice: "must be between 2020-01-01 and 2100-01-01" },
    { path: "/account/usage?range=custom&from=0000-01-01&to=0000-01-02", notice: "must be between 2020-01-01 and 2100-01-01" },
    { path: "/account/usage?range=%00&group=%00", notice: "That range could not be shown" },
    { path: "/account/statement?before=99999999999999999999", notice: "That page of the statement is not known" },
    { path: "/account/statement?before=9999999999999999999&type=usage", notice: "That page of the statement is not known" },
    { path: "/account/statement?type=%00", notice: "That filter is not known" },
  ];
  for (const entry of pages) {
    const response = await page.goto(entry.path);
    expect(response?.status(), entry.path).toBe(200);
    await expect(page.getByText(entry.notice).first(), entry.path).toBeVisible();
  }
  const exports = [
    "/account/usage/export?range=custom&from=0000-01-01&to=0000-01-02",
    "/account/usage/export?range=custom&from=9999-12-01&to=9999-12-31",
    "/account/usage/export?range=custom&from=2026-01-01%00&to=2026-01-02",
    "/account/statement/export?before=9999999999999999999",
    "/account/statement/export?type=%00",
  ];
  for (const path of exports) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code, path).toBe("validation_failed");
  }
});
