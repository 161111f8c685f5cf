// The dashboard's welcome panel (issue 17, "The first run"): a new account sees what its welcome credit
// buys on the rate card in force; the panel goes once usage arrives, or for good once dismissed.
import { afterAll, describe, expect, it } from "vitest";
import { dismissWelcome } from "@/lib/account/dismiss-welcome";
import { getOwnAccountOrThrow } from "@/lib/account/get-own-account";
import { getWelcome } from "@/lib/account/get-welcome";
import { ingestUsage } from "@/lib/billing/ingest-usage";
import { emptyUsage } from "@/lib/billing/resources";
import { closeDb, getDb } from "@/lib/db/client";
import type { AppSession } from "@/lib/session/app-session";
import { createTestAccount, hourAgo, type TestAccount } from "../support/billing-api";

afterAll(closeDb);

function sessionOf(account: TestAccount): AppSession {
  return { user: { id: account.userId, email: account.email, name: null, role: "user" }, expires: new Date(Date.now() + 86_400_000).toISOString() };
}

async function welcomeOf(account: TestAccount) {
  return getWelcome(getDb(), await getOwnAccountOrThrow(getDb(), sessionOf(account)));
}

describe("the welcome panel", () => {
  it("shows a new account what its $5 runs, priced on the card in force", async () => {
    const welcome = await welcomeOf(await createTestAccount());
    expect(welcome?.grantMicros).toBe(5_000_000n);
    // The team whiteboard costs $3.911025 a month on rate card v1: $5 runs it 933 whole hours.
    expect(welcome?.examples[0]).toMatchObject({ name: "Team whiteboard", monthlyMicros: 3_911_025n, hours: 933n });
    expect(welcome?.examples).toHaveLength(3);
  });

  it("goes once the account's first usage arrives", async () => {
    const account = await createTestAccount();
    const usage = { ...emptyUsage(), messages: 1_000n };
    await ingestUsage(getDb(), [{ id: `welcome:${account.accountId}`, account: account.accountId, space: "app", hour: new Date(hourAgo(1)), usage }]);
    expect(await welcomeOf(account)).toBeNull();
  });

  it("stays dismissed: the choice is stored on the server, and dismissing twice is fine", async () => {
    const account = await createTestAccount();
    const other = await createTestAccount();
    await dismissWelcome(getDb(), sessionOf(account));
    await dismissWelcome(getDb(), sessionOf(account));
    expect(await welcomeOf(account)).toBeNull();
    // Only that account's panel.
    expect(await welcomeOf(other)).not.toBeNull();
  });
});
