// Issue 15 point 6 in the account, admin and public forms: NUL and other control characters, lone
// surrogates, out-of-range dates and cursors get a clear validation answer and write nothing (they
// used to reach Postgres, which refuses NUL and bigint overflow with an error: a 500).
import { sql } from "drizzle-orm";
import type { z } from "zod";
import { afterAll, describe, expect, it } from "vitest";
import { getStatementPage } from "@/lib/account/get-statement";
import { getUsageReport } from "@/lib/account/get-usage-report";
import { parseUsageSelectionOrThrow } from "@/lib/account/parse-usage-selection";
import { displayNameSchema, updateDisplayName } from "@/lib/account/update-settings";
import type { ActionState } from "@/lib/actions/action-state";
import { validatedAction } from "@/lib/actions/validated-action";
import { createInviteCodeSchema } from "@/lib/admin/admin-schemas";
import type { AppSession } from "@/lib/session/app-session";
import { closeDb, getDb } from "@/lib/db/client";
import { createInviteCode } from "@/lib/invites/manage-invite-codes";
import { joinWaitlist } from "@/lib/waitlist/join-waitlist";
import { joinWaitlistSchema } from "@/lib/waitlist/waitlist-schema";
import { randomIp, uniqueEmail } from "../support/auth-harness";
import { countRows, createExistingUser } from "../support/auth-fixtures";
import { createTestAccount } from "../support/billing-api";
import { errorCodeOf } from "../support/signup-fixtures";

afterAll(closeDb);

// No lone surrogate here: FormData holds USV strings, so one becomes U+FFFD on the way in, as it does in a
// real multipart body (the schemas' own tests, lib/actions/form-text.test.ts, refuse it).
const BAD_TEXT = ["a\u0000b", "bell\u0007", "esc\u001b[31m", "c1\u0085", "del\u007f"];

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

async function submit<Schema extends z.ZodType>(schema: Schema, handler: (input: z.output<Schema>) => Promise<void>, fields: Record<string, string>): Promise<ActionState> {
  return validatedAction("test", schema, handler)({ status: "idle" }, form(fields));
}

async function sessionFor(role: "user" | "admin"): Promise<AppSession> {
  const email = uniqueEmail(role);
  const id = await createExistingUser(email);
  if (role === "admin") await getDb().execute(sql`update "user" set role = 'admin' where id = ${id}`);
  return { user: { id, email, name: null, role }, expires: new Date(Date.now() + 86_400_000).toISOString() };
}

describe("free-text form fields", () => {
  it("refuse a display name with control characters, and keep the old name", async () => {
    const session = await sessionFor("user");
    await updateDisplayName(getDb(), session, "Ada");
    for (const name of BAD_TEXT) {
      const state = await submit(displayNameSchema, ({ name: parsed }) => updateDisplayName(getDb(), session, parsed), { name });
      expect(state, JSON.stringify(name)).toMatchObject({ status: "error", code: "validation_failed", fieldErrors: { name: "Your name must not contain control characters." } });
    }
    const rows = await getDb().execute<{ name: string }>(sql`select name from "user" where id = ${session.user.id}`);
    expect(rows.rows[0]?.name).toBe("Ada");
  });

  it("refuse waitlist text and links with control characters, and store no entry", async () => {
    const email = uniqueEmail("nul-joiner");
    const join = (input: z.output<typeof joinWaitlistSchema>) => joinWaitlist(getDb(), { ...input, ip: randomIp() });
    for (const building of BAD_TEXT) {
      expect(await submit(joinWaitlistSchema, join, { email, building: `A board ${building}` }), JSON.stringify(building)).toMatchObject({ status: "error", code: "validation_failed" });
    }
    expect(await submit(joinWaitlistSchema, join, { email, building: "A board", link: "https://github.com/a\u0000b" })).toMatchObject({ status: "error", code: "validation_failed" });
    expect(await countRows(sql`select count(*) from waitlist_entries where email = ${email}`)).toBe(0);
    // Line breaks are text, not control, in a free-text answer.
    expect(await submit(joinWaitlistSchema, join, { email, building: "A board\r\nfor two" })).toMatchObject({ status: "idle" });
    expect(await countRows(sql`select count(*) from waitlist_entries where email = ${email}`)).toBe(1);
  });

  it("refuse an admin note with control characters, and create no code", async () => {
    const admin = await sessionFor("admin");
    const before = await countRows(sql`select count(*) from invite_codes where created_by = ${admin.user.id}`);
    for (const note of BAD_TEXT) {
      const state = await submit(createInviteCodeSchema, async (input) => void (await createInviteCode(getDb(), admin, input)), { uses: "3", expiresInDays: "7", note });
      expect(state, JSON.stringify(note)).toMatchObject({ status: "error", code: "validation_failed", fieldErrors: { note: "The note must not contain control characters." } });
    }
    expect(await countRows(sql`select count(*) from invite_codes where created_by = ${admin.user.id}`)).toBe(before);
  });

  it("refuse control characters in any field an action receives, before its handler runs", async () => {
    let ran = false;
    const state = await validatedAction("test", displayNameSchema, async () => void (ran = true))({ status: "idle" }, form({ name: "ok", extra: "x\u0000" }));
    expect(state).toMatchObject({ status: "error", code: "validation_failed", fieldErrors: { extra: "This field must not contain control characters." } });
    expect(ran).toBe(false);
  });
});

describe("account pages' query parameters", () => {
  it("refuse a statement cursor beyond bigint with a validation error", async () => {
    const account = await createTestAccount();
    const session: AppSession = { user: { id: account.userId, email: account.email, name: null, role: "user" }, expires: new Date(Date.now() + 86_400_000).toISOString() };
    for (const before of ["9999999999999999999", "9223372036854775808", "99999999999999999999", "1\u0000"]) {
      expect(await errorCodeOf(() => getStatementPage(getDb(), session, { filter: "all", before })), before).toBe("validation_failed");
    }
    await expect(getStatementPage(getDb(), session, { filter: "all", before: "9223372036854775807" })).resolves.toMatchObject({ rows: [expect.anything()] });
  });

  it("refuse usage ranges in years 0000 and 9999 before any query", async () => {
    const account = await createTestAccount();
    const session: AppSession = { user: { id: account.userId, email: account.email, name: null, role: "user" }, expires: new Date(Date.now() + 86_400_000).toISOString() };
    for (const [from, to] of [["0000-01-01", "0000-01-02"], ["9999-12-01", "9999-12-31"], ["0000-01-01", "9999-12-31"], ["2019-12-31", "2020-01-01"]]) {
      expect(await errorCodeOf(async () => getUsageReport(getDb(), session, parseUsageSelectionOrThrow({ range: "custom", from, to }))), `${from}..${to}`).toBe("validation_failed");
    }
    await expect(getUsageReport(getDb(), session, parseUsageSelectionOrThrow({ range: "custom", from: "2020-01-01", to: "2020-01-02" }))).resolves.toMatchObject({ rowCount: 0 });
  });
});
