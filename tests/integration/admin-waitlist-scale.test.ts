// The waitlist at launch scale: 200 entries searched, filtered and paged; bulk decisions with one audit
// entry and one outbox email per approval; the account cap; the CSV. The cap is global, so this file
// runs on its own scratch database (as launch-settings.test.ts does) and cannot disturb other files.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getWaitlistCsv } from "@/lib/admin/get-waitlist-csv";
import { listInviteCodeRedemptions } from "@/lib/admin/list-invite-code-redemptions";
import { listWaitlistPage } from "@/lib/admin/list-waitlist-page";
import { waitlistBulkDecisionSchema } from "@/lib/admin/admin-schemas";
import { updateLaunchSettings } from "@/lib/admin/update-launch-settings";
import { parseWaitlistQueryOrThrow, type WaitlistQuery } from "@/lib/admin/waitlist-query";
import { getDb } from "@/lib/db/client";
import { countCappedAccounts, countOutstandingInvites } from "@/lib/invites/account-capacity";
import { createInviteCode } from "@/lib/invites/manage-invite-codes";
import { redeemInviteCode } from "@/lib/invites/redeem-invite-code";
import { LAUNCH_SETTING_DEFAULTS } from "@/lib/settings/launch-settings";
import { decideWaitlistEntries } from "@/lib/waitlist/decide-waitlist-entries";
import { describeBulkDecision } from "@/lib/waitlist/describe-bulk-decision";
import { createTestAuth, followLink, linkIn, randomIp, uniqueEmail } from "../support/auth-harness";
import { countRows } from "../support/auth-fixtures";
import { runOnScratchDatabaseInThisFile } from "../support/scratch-database";
import { errorCodeOf, signedInMember, signedInOperator, waitForMail, type SignedIn } from "../support/signup-fixtures";

runOnScratchDatabaseInThisFile();
let operator: SignedIn;
const auth = createTestAuth();
const TAG = `scale${Date.now().toString(36)}`;
// Entry i joined at 2031-03-01T00:00Z + i hours: 24 a day, so 2031-03-02 holds i = 24..47.
const BASE = Date.UTC(2031, 2, 1);
const FORMULA = `=HYPERLINK("http://evil.example","click"), then "quotes"\nand a new line`;
const ids: bigint[] = [];

const emailOf = (i: number) => `${TAG}-${String(i).padStart(3, "0")}@example.test`;
const query = (params: Record<string, string> = {}): WaitlistQuery => parseWaitlistQueryOrThrow({ status: "any", from: "2031-03-01", to: "2031-03-31", ...params });
const page = (params: Record<string, string> = {}) => listWaitlistPage(getDb(), operator.session, query(params));
const indexOf = (email: string) => Number(email.slice(TAG.length + 1, TAG.length + 4));

beforeAll(async () => {
  operator = await signedInOperator(auth);
  // Every tenth entry was rejected already; every fourth wants to build a chess clock.
  const rows = await getDb().execute<{ id: string }>(sql`
    insert into waitlist_entries (email, building, status, decided_at, created_at)
    select ${TAG} || '-' || lpad(i::text, 3, '0') || '@example.test',
           case when i = 5 then ${FORMULA} when i % 4 = 0 then 'A chess clock for tournaments' else 'A whiteboard for teams' end,
           case when i % 10 = 9 then 'rejected' else 'waiting' end,
           case when i % 10 = 9 then now() end,
           to_timestamp(${BASE / 1000}) + make_interval(hours => i)
    from generate_series(0, 199) as i order by i returning id::text`);
  ids.push(...rows.rows.map((row) => BigInt(row.id)));
});

describe("the waitlist table", () => {
  it("searches by email and by what they build, as substrings, with LIKE's wildcards taken literally", async () => {
    expect((await page({ q: emailOf(7) })).rows.map((row) => row.email)).toEqual([emailOf(7)]);
    expect((await page({ q: TAG.toUpperCase() })).total).toBe(200);
    expect((await page({ q: "chess clock" })).total).toBe(50);
    expect((await page({ q: "%" })).total).toBe(0);
    expect((await page({ q: "_" })).total).toBe(0);
  });

  it("filters by status and by join date (whole UTC days, both ends included)", async () => {
    expect((await page({ status: "waiting" })).total).toBe(180);
    expect((await page({ status: "rejected" })).total).toBe(20);
    const day = await page({ from: "2031-03-02", to: "2031-03-02", order: "oldest" });
    expect(day.rows.map((row) => indexOf(row.email))).toEqual(Array.from({ length: 24 }, (_, k) => 24 + k));
    expect((await page({ status: "rejected", from: "2031-03-02", to: "2031-03-02" })).total).toBe(2);
  });

  it("pages 50 at a time, newest or oldest first, every entry exactly once", async () => {
    const seen: number[] = [];
    for (let n = 1; n <= 4; n++) {
      const result = await page({ page: String(n) });
      expect(result).toMatchObject({ total: 200, pageCount: 4, page: n });
      expect(result.rows).toHaveLength(50);
      seen.push(...result.rows.map((row) => indexOf(row.email)));
    }
    expect(seen).toEqual(Array.from({ length: 200 }, (_, k) => 199 - k));
    expect((await page({ page: "5" })).rows).toEqual([]);
    expect((await page({ order: "oldest" })).rows.slice(0, 3).map((row) => indexOf(row.email))).toEqual([0, 1, 2]);
  });

  it("answers bad parameters with a message naming the parameter, not a 500", () => {
    const problem = (params: Record<string, string | string[]>) => {
      try {
        parseWaitlistQueryOrThrow(params);
        return "accepted";
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(problem({ page: "0" })).toBe("page: pages start at 1.");
    expect(problem({ page: "two" })).toBe("page: use a whole number.");
    expect(problem({ status: "maybe" })).toMatch(/^status: choose any, waiting/);
    expect(problem({ from: "2031-02-30" })).toMatch(/^from: must be a real date/);
    expect(problem({ from: "1999-01-01" })).toMatch(/^from: must be a real date and must be between 2020-01-01/);
    expect(problem({ from: "2031-03-05", to: "2031-03-01" })).toBe("from: the start date is after the end date.");
    expect(problem({ q: "x".repeat(201) })).toBe("q: keep the search under 200 characters.");
    expect(problem({ q: "a\u0000b" })).toMatch(/^q: the search must not contain control characters/);
    expect(problem({ q: "", status: "", page: ["2", "3"] })).toBe("accepted");
  });
});

describe("bulk decisions", () => {
  const outboxFor = (emails: string[]) => countRows(sql`select count(*) from email_outbox where template = 'invite' and to_address in ${emails}`);

  it("approve: each entry invited through the outbox as a single approval is, ONE audit entry with the count and ids; again changes nothing", async () => {
    const chosen = [ids[10]!, ids[11]!, ids[12]!];
    const emails = [emailOf(10), emailOf(11), emailOf(12)];
    const result = await decideWaitlistEntries(getDb(), operator.session, { entryIds: chosen, decision: "approve" });
    expect(result.decidedIds).toEqual(chosen);
    expect(result.overCapacityIds).toEqual([]);
    expect(await outboxFor(emails)).toBe(3);
    expect(await countRows(sql`select count(*) from invites where email in ${emails} and status = 'pending' and source = 'waitlist'`)).toBe(3);
    expect(await countRows(sql`select count(*) from waitlist_entries where id in ${chosen} and status = 'approved' and decided_by is not null`)).toBe(3);
    const audit = await getDb().execute<{ actor_email: string; after: { count: number; ids: string[] } }>(
      sql`select actor_email, after from audit_log where action = 'waitlist.bulk-approve'`,
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({ actor_email: operator.email, after: { count: 3, ids: chosen.map(String) } });
    // The invitation arrives with its sign-in link, exactly as after a single approval.
    const [mail] = await waitForMail(emails[0]!);
    expect(mail?.subject).toBe("Your invitation to Tandem");
    expect((await followLink(auth, linkIn(mail))).headers.get("location")).toMatch(/\/account$/);

    const again = await decideWaitlistEntries(getDb(), operator.session, { entryIds: chosen, decision: "approve" });
    expect(again).toMatchObject({ decidedIds: [], unchangedIds: chosen, overCapacityIds: [] });
    expect(await outboxFor(emails)).toBe(3);
    expect(await countRows(sql`select count(*) from audit_log where action like 'waitlist.bulk-%'`)).toBe(1);
    // An already rejected entry in a selection is left as it was.
    const mixed = await decideWaitlistEntries(getDb(), operator.session, { entryIds: [ids[19]!, ids[13]!], decision: "approve" });
    expect(mixed).toMatchObject({ decidedIds: [ids[13]], unchangedIds: [ids[19]] });
    expect(describeBulkDecision("approve", mixed)).toBe(
      "Approved 1 entry; their invitations are on their way. 1 entry had already been decided or withdrawn and was left as it was.",
    );
  });

  it("decline: no invites, no email, one audit entry", async () => {
    const chosen = [ids[20]!, ids[21]!];
    const result = await decideWaitlistEntries(getDb(), operator.session, { entryIds: chosen, decision: "reject" });
    expect(result.decidedIds).toEqual(chosen);
    expect(await countRows(sql`select count(*) from waitlist_entries where id in ${chosen} and status = 'rejected'`)).toBe(2);
    expect(await countRows(sql`select count(*) from invites where email in ${[emailOf(20), emailOf(21)]}`)).toBe(0);
    expect(await outboxFor([emailOf(20), emailOf(21)])).toBe(0);
    const audit = await getDb().execute<{ after: { count: number; ids: string[] } }>(sql`select after from audit_log where action = 'waitlist.bulk-reject'`);
    expect(audit.rows.map((row) => row.after)).toMatchObject([{ count: 2, ids: chosen.map(String) }]);
  });

  it("stops at the account cap (accounts plus invitations still out), oldest first, and says how many and why", async () => {
    const placesTaken = (await countCappedAccounts(getDb())) + (await countOutstandingInvites(getDb()));
    await updateLaunchSettings(getDb(), operator.session, { ...LAUNCH_SETTING_DEFAULTS, accountCap: placesTaken + 2 });
    // Chosen newest first: the two that joined first get the places.
    const chosen = [ids[34]!, ids[33]!, ids[32]!, ids[31]!, ids[30]!];
    const result = await decideWaitlistEntries(getDb(), operator.session, { entryIds: chosen, decision: "approve" });
    expect(result).toMatchObject({
      decidedIds: [ids[30], ids[31]],
      overCapacityIds: [ids[32], ids[33], ids[34]],
      capacity: { accountCap: placesTaken + 2, placesLeft: 2 },
    });
    expect(await countRows(sql`select count(*) from waitlist_entries where id in ${chosen} and status = 'waiting'`)).toBe(3);
    expect(describeBulkDecision("approve", result)).toContain(
      `Approved 2 entries; their invitations are on their way. 3 entries still wait: the account cap is ${(placesTaken + 2).toLocaleString("en-US")} and only 2 places were left`,
    );
    const full = await decideWaitlistEntries(getDb(), operator.session, { entryIds: chosen, decision: "approve" });
    expect(full).toMatchObject({ decidedIds: [], overCapacityIds: [ids[32], ids[33], ids[34]], capacity: { placesLeft: 0 } });
    await updateLaunchSettings(getDb(), operator.session, LAUNCH_SETTING_DEFAULTS);
  });

  it("reads the selection from a plain form post: one `entry-<id>` field a checkbox, other fields ignored", () => {
    const form = new FormData();
    form.set("decision", "approve");
    form.set("entry-12", "on");
    form.set("entry-7", "on");
    form.set("$ACTION_REF_1", "");
    form.set("entry-x", "on");
    expect(waitlistBulkDecisionSchema.parse(Object.fromEntries(form))).toEqual({ decision: "approve", entryIds: [12n, 7n] });
    expect(waitlistBulkDecisionSchema.safeParse({ decision: "approve" }).error?.issues[0]?.message).toBe("Select at least one entry first.");
    expect(waitlistBulkDecisionSchema.safeParse({ decision: "maybe", "entry-1": "on" }).success).toBe(false);
  });

  it("refuses an empty or oversized selection", async () => {
    expect(await errorCodeOf(() => decideWaitlistEntries(getDb(), operator.session, { entryIds: [], decision: "approve" }))).toBe("validation_failed");
    const many = Array.from({ length: 101 }, (_, k) => BigInt(k + 1));
    expect(await errorCodeOf(() => decideWaitlistEntries(getDb(), operator.session, { entryIds: many, decision: "reject" }))).toBe("validation_failed");
  });
});

describe("the CSV export", () => {
  it("holds every matching entry in the table's order, RFC 4180 quoted, with formula-like text made inert", async () => {
    const csv = await getWaitlistCsv(getDb(), operator.session, query({ order: "oldest" }));
    expect(csv.endsWith("\r\n")).toBe(true);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("id,email,status,source,joined_at,decided_at,building,link");
    expect(lines[1]).toBe(`${ids[0]},${emailOf(0)},waiting,form,2031-03-01T00:00:00.000Z,,A chess clock for tournaments,`);
    expect(csv).toContain(`${ids[5]},${emailOf(5)},waiting,form,2031-03-01T05:00:00.000Z,,"'=HYPERLINK(""http://evil.example"",""click""), then ""quotes""\nand a new line",`);
    // A header, 200 records (the quoted line break is a bare LF, inside its field) and the final CRLF's empty tail.
    expect(lines).toHaveLength(1 + 200 + 1);
    const waiting = await getWaitlistCsv(getDb(), operator.session, query({ status: "rejected", q: "whiteboard" }));
    expect(waiting.trim().split("\r\n").slice(1).every((line) => line.includes(",rejected,"))).toBe(true);
  });
});

describe("invite code redemptions", () => {
  it("name each email that redeemed a code and when, newest first", async () => {
    const { id, code } = await createInviteCode(getDb(), operator.session, { uses: 5, expiresInDays: 7 });
    const first = uniqueEmail("redeemer");
    const second = uniqueEmail("redeemer");
    await redeemInviteCode(getDb(), { code, email: first, ip: randomIp() });
    await redeemInviteCode(getDb(), { code, email: second, ip: randomIp() });
    const redemptions = (await listInviteCodeRedemptions(getDb(), operator.session, [id])).get(id.toString());
    expect(redemptions?.total).toBe(2);
    expect(redemptions?.latest.map((row) => row.email)).toEqual([second, first]);
    expect(redemptions?.latest[0]?.redeemedAt).toBeInstanceOf(Date);
    expect(redemptions?.latest[0]?.hasSignedUp).toBe(false);
  });
});

describe("operators only", () => {
  it("refuses members and anonymous callers with not_found and changes nothing", async () => {
    const member = await signedInMember(auth, "scale-member");
    const entry = ids[40]!;
    for (const session of [member.session, null]) {
      expect(await errorCodeOf(() => listWaitlistPage(getDb(), session, query()))).toBe("not_found");
      expect(await errorCodeOf(() => getWaitlistCsv(getDb(), session, query()))).toBe("not_found");
      expect(await errorCodeOf(() => decideWaitlistEntries(getDb(), session, { entryIds: [entry], decision: "approve" }))).toBe("not_found");
      expect(await errorCodeOf(() => listInviteCodeRedemptions(getDb(), session, [1n]))).toBe("not_found");
    }
    expect(await countRows(sql`select count(*) from waitlist_entries where id = ${entry} and status = 'waiting'`)).toBe(1);
    expect(await countRows(sql`select count(*) from audit_log where actor_id = ${member.session.user.id}`)).toBe(0);
  });
});
