// Issue 19: a budget a caller may not set is refused with the documented error and changes nothing
// (no budget, no pause, no alert, no platform event): amounts out of range, another account's space,
// an account that does not exist.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeBudget } from "@/lib/budgets/remove-budget";
import { setBudget } from "@/lib/budgets/set-budget";
import { getSpaceStandings } from "@/lib/budgets/get-space-standings";
import { closeDb, getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createTestAccount, createTestToken } from "@/tests/support/billing-api";
import { budgetRowsOf, cpuUnitsCosting, postSpaceUsage, spaceIdOf } from "@/tests/support/budgets";

afterAll(closeDb);

let token: string;
beforeAll(async () => {
  token = (await createTestToken()).token;
});

async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return "no error";
}

describe("refused budgets", () => {
  it("refuses amounts out of range and other accounts' spaces, changing nothing", async () => {
    const { accountId: account } = await createTestAccount();
    const { accountId: stranger } = await createTestAccount();
    const cent = await cpuUnitsCosting(10_000n);
    expect((await postSpaceUsage(token, account, "chat", cent)).status).toBe(200);
    expect((await postSpaceUsage(token, stranger, "theirs", cent)).status).toBe(200);
    const chat = await spaceIdOf(account, "chat");
    const theirs = await spaceIdOf(stranger, "theirs");
    // Over budget already, so an accepted budget would pause and alert: a refusal must do neither.
    const before = await budgetRowsOf(account);
    const strangerBefore = await budgetRowsOf(stranger);
    const db = getDb();
    const set = (spaceId: bigint | null, amountMicros: bigint, accountId = account) =>
      codeOf(setBudget(db, { accountId, spaceId, amountMicros, action: "pause" }));

    expect(await set(chat, -1_000_000n)).toBe("validation_failed");
    expect(await set(chat, 0n)).toBe("validation_failed");
    expect(await set(chat, 9_999n)).toBe("validation_failed");
    expect(await set(chat, 1_000_000_000_001n)).toBe("validation_failed");
    expect(await set(null, 0n)).toBe("validation_failed");
    expect(await codeOf(setBudget(db, { accountId: account, spaceId: chat, amountMicros: 10_000n, action: "stop" as "pause" }))).toBe(
      "validation_failed",
    );
    // Another account's space reads as one that does not exist; so do ids out of range.
    expect(await set(theirs, 10_000n)).toBe("not_found");
    expect(await set(0n, 10_000n)).toBe("not_found");
    expect(await set(2n ** 63n, 10_000n)).toBe("not_found");
    expect(await set(chat, 10_000n, "acct_doesnotexist0000000")).toBe("not_found");
    expect(await codeOf(removeBudget(db, { accountId: account, spaceId: theirs }))).toBe("not_found");
    expect(await codeOf(getSpaceStandings(db, "acct_doesnotexist0000000"))).toBe("not_found");

    expect(await budgetRowsOf(account)).toEqual(before);
    expect(await budgetRowsOf(stranger)).toEqual(strangerBefore);
    // Removing a budget that was never set changes nothing either.
    expect((await removeBudget(db, { accountId: account, spaceId: chat })).isRemoved).toBe(false);
    expect(await budgetRowsOf(account)).toEqual(before);

    // The edges are accepted: one cent, and $1,000,000.
    await setBudget(db, { accountId: account, spaceId: chat, amountMicros: 1_000_000_000_000n, action: "alert" });
    await setBudget(db, { accountId: account, spaceId: null, amountMicros: 10_000n, action: "alert" });
    expect((await getSpaceStandings(db, account)).accountBudget?.amountMicros).toBe(10_000n);
  });

});
