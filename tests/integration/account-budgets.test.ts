// The account area's budgets (issue 19): what the spaces page and the dashboard read, and the saves its
// actions make, always for the session's own account: another account's space is not found and
// nothing changes; a closed account sets nothing; a pause shows on the dashboard until raised.
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getSpendControls } from "@/lib/account/get-spend-controls";
import { listPausedSpaces } from "@/lib/account/list-paused-spaces";
import { removeOwnBudget } from "@/lib/account/remove-own-budget";
import { setOwnBudget } from "@/lib/account/set-own-budget";
import { closeAccount } from "@/lib/account/close-account";
import { ingestUsage } from "@/lib/billing/ingest-usage";
import { emptyUsage } from "@/lib/billing/resources";
import { closeDb, getDb } from "@/lib/db/client";
import type { AppSession } from "@/lib/session/app-session";
import { createTestAccount, hourAgo, type TestAccount } from "../support/billing-api";

afterAll(closeDb);

function sessionOf(account: TestAccount): AppSession {
  return {
    user: { id: account.userId, email: account.email, name: null, role: "user" },
    expires: new Date(Date.now() + 86_400_000).toISOString(),
  };
}

let records = 0;

/** Outbound calls on a space: $0.20 per 1,000 (the rate card the migrations publish). */
async function spend(account: TestAccount, space: string, calls: bigint): Promise<void> {
  const usage = { ...emptyUsage(), third_party_calls: calls };
  // The current hour: this month's spend, whatever the day.
  await ingestUsage(getDb(), [
    { id: `account-budgets:${account.accountId}:${records++}`, account: account.accountId, space, hour: new Date(hourAgo(0)), usage },
  ]);
}

async function spaceIdOf(account: TestAccount, name: string): Promise<bigint> {
  const rows = await getDb().execute<{ id: string }>(
    sql`select id::text from spaces where account_id = ${account.accountId} and name = ${name}`,
  );
  return BigInt(rows.rows[0]!.id);
}

async function budgetRows(account: TestAccount) {
  const rows = await getDb().execute<{ space_id: string | null; amount_micros: string; action: string }>(
    sql`select space_id::text, amount_micros::text, action from budgets where account_id = ${account.accountId} order by id`,
  );
  return rows.rows;
}

describe("budgets in the account area", () => {
  it("pauses a space past its pause budget, lists it for the dashboard, and resumes it when raised", async () => {
    const account = await createTestAccount();
    const session = sessionOf(account);
    await spend(account, "chat", 1_000n);
    await spend(account, "notes", 500n);
    const chat = await spaceIdOf(account, "chat");
    expect(await setOwnBudget(getDb(), session, { spaceId: chat, amountMicros: 2_000_000n, action: "pause" })).toEqual({
      spaceName: "chat",
    });
    let controls = await getSpendControls(getDb(), session);
    expect(controls.spaces.map((space) => [space.name, space.costMicros, space.state, space.budget?.amountMicros ?? null])).toEqual([
      ["chat", 200_000n, "active", 2_000_000n],
      ["notes", 100_000n, "active", null],
    ]);
    expect(controls.accountSpendMicros).toBe(300_000n);
    expect(await listPausedSpaces(getDb(), session)).toEqual([]);

    await spend(account, "chat", 10_000n);
    controls = await getSpendControls(getDb(), session);
    expect(controls.spaces.map((space) => [space.name, space.state, space.reason])).toEqual([
      ["chat", "paused", "budget"],
      ["notes", "active", null],
    ]);
    expect(await listPausedSpaces(getDb(), session)).toEqual([
      { spaceId: chat, name: "chat", reason: "budget", spendMicros: 2_200_000n, budgetMicros: 2_000_000n },
    ]);

    await setOwnBudget(getDb(), session, { spaceId: chat, amountMicros: 5_000_000n, action: "pause" });
    expect(await listPausedSpaces(getDb(), session)).toEqual([]);
    expect((await getSpendControls(getDb(), session)).spaces[0]).toMatchObject({ name: "chat", state: "active", reason: null });
  });

  it("lists every space once the account's pause budget is passed, with the account's spend and budget", async () => {
    const account = await createTestAccount();
    const session = sessionOf(account);
    await spend(account, "a", 1_000n);
    await spend(account, "b", 1_000n);
    await setOwnBudget(getDb(), session, { spaceId: null, amountMicros: 300_000n, action: "pause" });
    const paused = await listPausedSpaces(getDb(), session);
    expect(paused.map((space) => [space.name, space.reason, space.spendMicros, space.budgetMicros])).toEqual([
      ["a", "account_budget", 400_000n, 300_000n],
      ["b", "account_budget", 400_000n, 300_000n],
    ]);
    await removeOwnBudget(getDb(), session, { spaceId: null });
    expect(await listPausedSpaces(getDb(), session)).toEqual([]);
  });

  it("refuses another account's space as not found and changes nothing of either account", async () => {
    const owner = await createTestAccount();
    const stranger = await createTestAccount();
    await spend(owner, "private", 1_000n);
    const space = await spaceIdOf(owner, "private");
    await setOwnBudget(getDb(), sessionOf(owner), { spaceId: space, amountMicros: 1_000_000n, action: "alert" });
    const before = await budgetRows(owner);

    await expect(
      setOwnBudget(getDb(), sessionOf(stranger), { spaceId: space, amountMicros: 10_000n, action: "pause" }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(removeOwnBudget(getDb(), sessionOf(stranger), { spaceId: space })).rejects.toMatchObject({
      code: "not_found",
    });
    expect(await budgetRows(owner)).toEqual(before);
    expect(await budgetRows(stranger)).toEqual([]);
    expect((await getSpendControls(getDb(), sessionOf(stranger))).spaces).toEqual([]);
  });

  it("sets no budget on a closed account", async () => {
    const account = await createTestAccount();
    await spend(account, "gone", 1_000n);
    const space = await spaceIdOf(account, "gone");
    await closeAccount(getDb(), sessionOf(account));
    await expect(
      setOwnBudget(getDb(), sessionOf(account), { spaceId: space, amountMicros: 1_000_000n, action: "pause" }),
    ).rejects.toMatchObject({ code: "conflict" });
    expect(await budgetRows(account)).toEqual([]);
  });
});
