// Reads that moved from hand-written SQL rows to the query builder (issue 16 point 3) answer exactly as
// before, including the branches no other test reaches: a closed account's own row, the account found
// by any spelling of its owner's email, the standing's clock, and the top-up a billing page points at.
// (A new test account holds the $5 welcome grant against the default $5 alert: `low`.)
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeAccount } from "@/lib/account/close-account";
import { getOwnAccount } from "@/lib/account/get-own-account";
import { getPaymentAttention } from "@/lib/account/get-payment-attention";
import { findAccountIdByEmailOrThrow } from "@/lib/billing/api/find-account-by-email";
import { getAccountStandingOrThrow } from "@/lib/billing/get-account-standing";
import { closeDb, getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { findBillingOwner, getBillingAccountForUserOrThrow } from "@/lib/payments/get-billing-account-for-user";
import type { AppSession } from "@/lib/session/app-session";
import { createTestAccount, type TestAccount } from "../support/billing-api";

afterAll(closeDb);

function sessionOf(account: TestAccount): AppSession {
  return { user: { id: account.userId, email: account.email, name: null, role: "user" }, expires: new Date(Date.now() + 86_400_000).toISOString() };
}

async function addTopUp(accountId: string, status: string, minutesAgo: number, micros: bigint): Promise<void> {
  await getDb().execute(sql`
    insert into top_ups (checkout_session_id, billing_account_id, amount_micros, status, failure_reason, created_at, updated_at)
    values (${`cs_test_${randomUUID()}`}, ${accountId}, ${micros.toString()}::bigint, ${status}, ${status === "failed" ? "card_declined" : null},
      now() - make_interval(mins => ${minutesAgo}), now() - make_interval(mins => ${minutesAgo}))`);
}

describe("the billing account read", () => {
  it("finds the same account by user, by id and by any spelling of the owner's email, with its ledger and money", async () => {
    const account = await createTestAccount();
    const own = await getOwnAccount(getDb(), sessionOf(account));
    expect(own).toMatchObject({ accountId: account.accountId, state: "active", balanceMicros: 5_000_000n, lowThresholdMicros: 5_000_000n, floorMicros: -5_000_000n, closedAt: null });
    expect(typeof own?.ledgerAccountId).toBe("bigint");
    expect(own?.createdAt).toBeInstanceOf(Date);
    expect(await getBillingAccountForUserOrThrow(getDb(), account.userId)).toEqual({ accountId: account.accountId, ledgerAccountId: own!.ledgerAccountId, email: account.email });
    expect(await findBillingOwner(getDb(), account.accountId)).toEqual({ accountId: account.accountId, ledgerAccountId: own!.ledgerAccountId, email: account.email });
    expect(await findAccountIdByEmailOrThrow(getDb(), `  ${account.email.toUpperCase()} `)).toBe(account.accountId);
  });

  it("answers nothing, or not_found, for accounts that do not exist", async () => {
    expect(await findBillingOwner(getDb(), "acct_missing")).toBeUndefined();
    expect(await getOwnAccount(getDb(), sessionOf({ accountId: "acct_missing", email: "nobody@example.test", userId: randomUUID() }))).toBeNull();
    await expect(getAccountStandingOrThrow(getDb(), "acct_missing")).rejects.toMatchObject({ code: "not_found" });
    await expect(findAccountIdByEmailOrThrow(getDb(), "nobody@example.test")).rejects.toBeInstanceOf(AppError);
    await expect(getBillingAccountForUserOrThrow(getDb(), randomUUID())).rejects.toMatchObject({ code: "not_found" });
  });

  it("reports the standing as of the database's clock, to the millisecond", async () => {
    const account = await createTestAccount();
    const before = Date.now();
    const standing = await getAccountStandingOrThrow(getDb(), account.accountId);
    expect(standing).toMatchObject({ accountId: account.accountId, state: "active", balanceMicros: 5_000_000n });
    expect(Math.abs(standing.asOf.getTime() - before)).toBeLessThan(5_000);
  });

  it("shows a closed account as closed, frozen, and without its owner's email", async () => {
    const account = await createTestAccount();
    await closeAccount(getDb(), sessionOf(account));
    const own = await getOwnAccount(getDb(), sessionOf(account));
    expect(own?.closedAt).toBeInstanceOf(Date);
    expect(own?.state).toBe("frozen");
    expect((await findBillingOwner(getDb(), account.accountId))?.email).toBe("");
    await expect(findAccountIdByEmailOrThrow(getDb(), account.email)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("the payment that needs the owner's attention", () => {
  it("is the newest failed top-up of the last week, with its amount and reason", async () => {
    const account = await createTestAccount();
    await addTopUp(account.accountId, "paid", 60, 10_000_000n);
    await addTopUp(account.accountId, "failed", 30, 25_000_000n);
    expect(await getPaymentAttention(getDb(), account.accountId)).toMatchObject({ kind: "failed", amountMicros: 25_000_000n, reason: "card_declined" });
    await addTopUp(account.accountId, "open", 1, 5_000_000n); // not yet at Stripe's payment step: ignored
    expect((await getPaymentAttention(getDb(), account.accountId))?.kind).toBe("failed");
    await addTopUp(account.accountId, "paid", 0, 25_000_000n);
    expect(await getPaymentAttention(getDb(), account.accountId)).toBeNull();
  });

  it("is a payment still settling after ten minutes, and nothing before that", async () => {
    const account = await createTestAccount();
    await addTopUp(account.accountId, "processing", 5, 15_000_000n);
    expect(await getPaymentAttention(getDb(), account.accountId)).toBeNull();
    const pending = await getPaymentAttention(getDb(), account.accountId, new Date(Date.now() + 10 * 60_000));
    expect(pending).toMatchObject({ kind: "pending", amountMicros: 15_000_000n });
    expect(pending?.kind === "pending" && pending.since).toBeInstanceOf(Date);
  });
});
