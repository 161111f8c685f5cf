// Session 13, H2 point 3: a single waitlist approval respects the account cap as the bulk one does: no
// place left is a `conflict` in the bulk decision's words, counted under the account-creation lock, so
// two approvals racing for the last place cannot both take it. The cap is global: this file runs on its
// own scratch database (as admin-waitlist-scale.test.ts does) and cannot disturb other files.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { updateLaunchSettings } from "@/lib/admin/update-launch-settings";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { countCappedAccounts, countOutstandingInvites } from "@/lib/invites/account-capacity";
import { LAUNCH_SETTING_DEFAULTS } from "@/lib/settings/launch-settings";
import { decideWaitlistEntries } from "@/lib/waitlist/decide-waitlist-entries";
import { decideWaitlistEntry } from "@/lib/waitlist/decide-waitlist-entry";
import { describeBulkDecision } from "@/lib/waitlist/describe-bulk-decision";
import { createTestAuth } from "../support/auth-harness";
import { countRows } from "../support/auth-fixtures";
import { createBarrier } from "../support/concurrency";
import { runOnScratchDatabaseInThisFile } from "../support/scratch-database";
import { signedInOperator, type SignedIn } from "../support/signup-fixtures";

runOnScratchDatabaseInThisFile();
let operator: SignedIn;
const auth = createTestAuth();
const TAG = `capone${Date.now().toString(36)}`;
let joined = 0;

beforeAll(async () => {
  operator = await signedInOperator(auth);
});

/** A waiting entry, as the waitlist form leaves it. */
async function waitingEntry(): Promise<{ id: bigint; email: string }> {
  const email = `${TAG}-${joined++}@example.test`;
  const rows = await getDb().execute<{ id: string }>(
    sql`insert into waitlist_entries (email, building, status) values (${email}, 'A whiteboard', 'waiting') returning id::text`,
  );
  return { id: BigInt(rows.rows[0]!.id), email };
}

/** Sets the cap so that exactly `places` are left (accounts and invitations still out take the rest). */
async function leavePlaces(places: number): Promise<number> {
  const taken = (await countCappedAccounts(getDb())) + (await countOutstandingInvites(getDb()));
  await updateLaunchSettings(getDb(), operator.session, { ...LAUNCH_SETTING_DEFAULTS, accountCap: taken + places });
  return taken + places;
}

const statusOf = async (id: bigint) =>
  (await getDb().execute<{ status: string }>(sql`select status from waitlist_entries where id = ${id}`)).rows[0]!.status;
const invitesTo = (email: string) => countRows(sql`select count(*) from invites where email = ${email}`);

async function refusalOf(run: () => Promise<unknown>): Promise<AppError> {
  const error = await run().then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("a single waitlist approval at the account cap", () => {
  it("is refused with the bulk approval's code and words when no place is left, and changes nothing", async () => {
    const cap = await leavePlaces(0);
    const entry = await waitingEntry();
    const refusal = await refusalOf(() => decideWaitlistEntry(getDb(), operator.session, { entryId: entry.id, decision: "approve" }));
    // The bulk approval of the same entry: nothing approved, and this sentence (the action answers it as `conflict`).
    const bulk = await decideWaitlistEntries(getDb(), operator.session, { entryIds: [entry.id], decision: "approve" });
    expect(bulk).toMatchObject({ decidedIds: [], overCapacityIds: [entry.id], capacity: { accountCap: cap, placesLeft: 0 } });
    expect(refusal).toMatchObject({ code: "conflict", status: 409, message: describeBulkDecision("approve", bulk) });
    expect(refusal.details).toEqual({ account_cap: cap, places_left: 0 });
    expect(refusal.message).toContain(`the account cap is ${cap.toLocaleString("en-US")}`);
    expect(await statusOf(entry.id)).toBe("waiting");
    expect(await invitesTo(entry.email)).toBe(0);
    expect(await countRows(sql`select count(*) from email_outbox where to_address = ${entry.email}`)).toBe(0);
    // Declining takes no place: it still works at a full cap.
    await decideWaitlistEntry(getDb(), operator.session, { entryId: entry.id, decision: "reject" });
    expect(await statusOf(entry.id)).toBe("rejected");
  });

  it("takes the last place, and the next approval is refused (the invitation out holds the place)", async () => {
    await leavePlaces(1);
    const [first, second] = [await waitingEntry(), await waitingEntry()];
    await decideWaitlistEntry(getDb(), operator.session, { entryId: first.id, decision: "approve" });
    expect(await statusOf(first.id)).toBe("approved");
    expect(await invitesTo(first.email)).toBe(1);
    const refusal = await refusalOf(() => decideWaitlistEntry(getDb(), operator.session, { entryId: second.id, decision: "approve" }));
    expect(refusal.code).toBe("conflict");
    expect(await statusOf(second.id)).toBe("waiting");
  });

  it("gives the last place to one of two approvals racing for it", async () => {
    for (let round = 0; round < 3; round++) {
      await leavePlaces(1);
      const entries = [await waitingEntry(), await waitingEntry()];
      const start = createBarrier(entries.length);
      const outcomes = await Promise.allSettled(
        entries.map((entry) => start().then(() => decideWaitlistEntry(getDb(), operator.session, { entryId: entry.id, decision: "approve" }))),
      );
      expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
      const refused = outcomes.find((outcome) => outcome.status === "rejected");
      expect(refused?.reason).toMatchObject({ code: "conflict" });
      const statuses = await Promise.all(entries.map((entry) => statusOf(entry.id)));
      expect(statuses.sort()).toEqual(["approved", "waiting"]);
    }
  });
});
