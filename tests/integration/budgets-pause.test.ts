// Issue 19, parts 1 and 2: a space over its `pause` budget is paused by the very request that posts the
// usage (the standing endpoint answers `paused` right after), its siblings keep running, and raising
// or removing the budget resumes it at once; each change is one platform event, in sequence.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getOpenApi } from "@/app/api/billing/v1/openapi.json/route";
import { standingSchema } from "@/lib/billing/api/schemas";
import { setBudget } from "@/lib/budgets/set-budget";
import { removeBudget } from "@/lib/budgets/remove-budget";
import { getSpaceStandings } from "@/lib/budgets/get-space-standings";
import { closeDb, getDb } from "@/lib/db/client";
import { checkLedgerInvariants } from "@/lib/ledger/check-invariants";
import { billingRequest, createTestAccount, createTestToken } from "@/tests/support/billing-api";
import { apiSpaceState, cpuUnitsCosting, platformEventsOf, postSpaceUsage, readApiStanding, spaceIdOf } from "@/tests/support/budgets";

afterAll(closeDb);

let token: string;
beforeAll(async () => {
  token = (await createTestToken()).token;
});

const DOLLAR = 1_000_000n;

/** An account whose spaces `chat` and `arena` exist (a cent of usage each). */
async function accountWithSpaces(): Promise<{ account: string; chat: bigint; arena: bigint }> {
  const { accountId: account } = await createTestAccount();
  const cent = await cpuUnitsCosting(10_000n);
  for (const space of ["chat", "arena"]) expect((await postSpaceUsage(token, account, space, cent)).status).toBe(200);
  return { account, chat: await spaceIdOf(account, "chat"), arena: await spaceIdOf(account, "arena") };
}

describe("a space's pause budget", () => {
  it("pauses the space in the request that crosses it, keeps its sibling active, and resumes when raised", async () => {
    const { account, chat } = await accountWithSpaces();
    await setBudget(getDb(), { accountId: account, spaceId: chat, amountMicros: 2n * DOLLAR, action: "pause" });
    expect(await apiSpaceState(token, account, "chat")).toEqual({ space: "chat", state: "active", reason: null });

    // $1.20 more: 61% of the budget, still running.
    const units = await cpuUnitsCosting((DOLLAR * 6n) / 5n);
    expect((await postSpaceUsage(token, account, "chat", units)).status).toBe(200);
    expect((await apiSpaceState(token, account, "chat"))?.state).toBe("active");

    // Another $1.20: past $2.00. The answer to the next read is already `paused`.
    expect((await postSpaceUsage(token, account, "chat", units)).status).toBe(200);
    const standing = await readApiStanding(token, account);
    expect(standing.spaces).toEqual([
      { space: "arena", state: "active", reason: null },
      { space: "chat", state: "paused", reason: "budget" },
    ]);
    // The account itself is not frozen: only the space stopped. The answer is the documented shape.
    expect(standing.state).not.toBe("frozen");
    expect(standingSchema.strict().safeParse(standing).success).toBe(true);

    // Raising the budget above the month's spend resumes it at once.
    const raised = await setBudget(getDb(), { accountId: account, spaceId: chat, amountMicros: 5n * DOLLAR, action: "pause" });
    expect(raised.resumed.map((change) => change.spaceName)).toEqual(["chat"]);
    expect((await apiSpaceState(token, account, "chat"))?.state).toBe("active");

    // Lowering it below the spend pauses it again, and removing the budget resumes it.
    await setBudget(getDb(), { accountId: account, spaceId: chat, amountMicros: 2n * DOLLAR, action: "pause" });
    expect((await apiSpaceState(token, account, "chat"))?.state).toBe("paused");
    const removed = await removeBudget(getDb(), { accountId: account, spaceId: chat });
    expect(removed.isRemoved).toBe(true);
    expect((await apiSpaceState(token, account, "chat"))?.state).toBe("active");

    // One platform event per change, each with the next sequence number.
    const events = (await platformEventsOf(account)).filter((event) => event.type === "space.standing_changed");
    expect(events.map((event) => [event.data.space, event.data.state, event.data.previous_state, event.data.reason])).toEqual([
      ["chat", "paused", "active", "budget"],
      ["chat", "active", "paused", null],
      ["chat", "paused", "active", "budget"],
      ["chat", "active", "paused", null],
    ]);
    const sequences = events.map((event) => event.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    expect(new Set(sequences).size).toBe(sequences.length);
    expect(await checkLedgerInvariants(getDb())).toEqual([]);
  });

  it("an alert-only budget never pauses", async () => {
    const { account, chat } = await accountWithSpaces();
    await setBudget(getDb(), { accountId: account, spaceId: chat, amountMicros: DOLLAR, action: "alert" });
    expect((await postSpaceUsage(token, account, "chat", await cpuUnitsCosting(2n * DOLLAR))).status).toBe(200);
    expect((await apiSpaceState(token, account, "chat"))?.state).toBe("active");
    expect(await platformEventsOf(account)).toEqual([]);
  });

  it("the account's budget pauses every space, and a space's own budget names the reason", async () => {
    const { account, chat, arena } = await accountWithSpaces();
    await setBudget(getDb(), { accountId: account, spaceId: null, amountMicros: 3n * DOLLAR, action: "pause" });
    await setBudget(getDb(), { accountId: account, spaceId: chat, amountMicros: 2n * DOLLAR, action: "pause" });
    expect((await postSpaceUsage(token, account, "chat", await cpuUnitsCosting((DOLLAR * 5n) / 2n))).status).toBe(200);
    expect((await readApiStanding(token, account)).spaces).toEqual([
      { space: "arena", state: "active", reason: null },
      { space: "chat", state: "paused", reason: "budget" },
    ]);
    // $1.00 on arena: the account's $3.00 is reached, so arena pauses too.
    expect((await postSpaceUsage(token, account, "arena", await cpuUnitsCosting(DOLLAR))).status).toBe(200);
    expect((await readApiStanding(token, account)).spaces).toEqual([
      { space: "arena", state: "paused", reason: "account_budget" },
      { space: "chat", state: "paused", reason: "budget" },
    ]);
    // Removing chat's own budget leaves it paused, now for the account's budget; no event (no change).
    const before = (await platformEventsOf(account)).length;
    await removeBudget(getDb(), { accountId: account, spaceId: chat });
    expect((await apiSpaceState(token, account, "chat"))?.reason).toBe("account_budget");
    expect((await platformEventsOf(account)).length).toBe(before);
    // Raising the account's budget resumes both.
    const raised = await setBudget(getDb(), { accountId: account, spaceId: null, amountMicros: 10n * DOLLAR, action: "pause" });
    expect(raised.resumed.map((change) => change.spaceId).sort()).toEqual([chat, arena].sort());
    const read = await getSpaceStandings(getDb(), account);
    expect(read.spaces.map((space) => [space.name, space.state])).toEqual([
      ["arena", "active"],
      ["chat", "active"],
    ]);
    expect(read.accountBudget).toMatchObject({ amountMicros: 10n * DOLLAR, action: "pause" });
    expect(read.accountSpendMicros).toBe(read.spaces.reduce((sum, space) => sum + space.spendMicros, 0n));
    expect(read.accountSpendMicros).toBeGreaterThanOrEqual(DOLLAR * 3n);
  });

  it("a frozen account's spaces all read paused for the account", async () => {
    const { account } = await accountWithSpaces();
    // $12 on a $5 welcome credit: past the -$5 floor.
    expect((await postSpaceUsage(token, account, "chat", await cpuUnitsCosting(12n * DOLLAR))).status).toBe(200);
    const standing = await readApiStanding(token, account);
    expect(standing.state).toBe("frozen");
    expect(standing.spaces.map((space) => [space.space, space.state, space.reason])).toEqual([
      ["arena", "paused", "account_frozen"],
      ["chat", "paused", "account_frozen"],
    ]);
  });

  it("is documented in the OpenAPI document as version 1.1.0, backwards compatible", async () => {
    const doc = (await (await getOpenApi(billingRequest("/openapi.json"))).json()) as {
      info: { version: string };
      components: { schemas: { Standing: { properties: Record<string, unknown>; required: string[] } } };
    };
    expect(doc.info.version).toBe("1.1.0");
    const standing = doc.components.schemas.Standing;
    expect(Object.keys(standing.properties)).toEqual(["account", "state", "balance_micros", "low_threshold_micros", "floor_micros", "as_of", "spaces"]);
    expect(JSON.stringify(standing.properties.spaces)).toContain("account_frozen");
  });
});
