// Issue 18, "Accounts": the operator's account search (by email, name, account id or Stripe customer id;
// paged by 50; filtered by standing) and its answers to bad query parameters.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { freezeAccount } from "@/lib/account-controls/freeze-account";
import { parseAccountSearchParams } from "@/lib/admin/account-search-schema";
import { searchAccounts } from "@/lib/admin/search-accounts";
import { ingestUsage } from "@/lib/billing/ingest-usage";
import { emptyUsage } from "@/lib/billing/resources";
import { closeDb, getDb } from "@/lib/db/client";
import { createTestAuth } from "../support/auth-harness";
import { createTestAccount, hourAgo, type TestAccount } from "../support/billing-api";
import { signedInOperator, type SignedIn } from "../support/signup-fixtures";

afterAll(closeDb);

const auth = createTestAuth();
let operatorPromise: Promise<SignedIn> | undefined;
const operator = () => (operatorPromise ??= signedInOperator(auth));

describe("searching accounts", () => {
  it("finds an account by its email (any case, any part), name, account id and Stripe customer id", async () => {
    const { session } = await operator();
    const account = await createTestAccount();
    const other = await createTestAccount();
    const marker = randomUUID().slice(0, 8);
    await getDb().execute(sql`update "user" set name = ${`Ada Search-${marker}`} where id = ${account.userId}`);
    const customer = `cus_${randomUUID().replaceAll("-", "")}`;
    await getDb().execute(
      sql`insert into stripe_customers (billing_account_id, stripe_customer_id) values (${account.accountId}, ${customer})`,
    );

    const found = async (q: string) =>
      (await searchAccounts(getDb(), session, { q, page: 1 })).rows.map((row) => row.accountId);
    expect(await found(account.email)).toEqual([account.accountId]);
    expect(await found(account.email.slice(12, 30).toUpperCase())).toEqual([account.accountId]);
    expect(await found(`search-${marker}`)).toEqual([account.accountId]);
    expect(await found(account.accountId)).toEqual([account.accountId]);
    expect(await found(customer)).toEqual([account.accountId]);
    expect(await found(other.accountId)).toEqual([other.accountId]);
    // An id matches exactly, not by a part of it; LIKE's wildcards are plain characters.
    expect(await found(account.accountId.slice(0, 10))).toEqual([]);
    expect(await found(`%${marker}`)).toEqual([]);
    // As a wildcard `_` would match the "-" of this account's name; other tests' accounts may hold a real "_".
    expect(await found(`search_${marker}`)).toEqual([]);

    const [row] = (await searchAccounts(getDb(), session, { q: account.accountId, page: 1 })).rows;
    expect(row).toMatchObject({
      email: account.email,
      state: "active",
      balanceMicros: 5_000_000n,
      monthToDateMicros: 0n,
      lastUsageAt: null,
      isClosed: false,
    });
  });

  it("pages by 50 with a next page only while there is one, and filters by standing", async () => {
    const { session } = await operator();
    const marker = `pager-${randomUUID().slice(0, 8)}`;
    const accounts: TestAccount[] = [];
    for (let index = 0; index < 52; index++) accounts.push(await createTestAccount());
    await getDb().execute(
      sql`update "user" set name = ${marker} where id in ${accounts.map((account) => account.userId)}`,
    );

    const first = await searchAccounts(getDb(), session, { q: marker, page: 1 });
    const second = await searchAccounts(getDb(), session, { q: marker, page: 2 });
    const third = await searchAccounts(getDb(), session, { q: marker, page: 3 });
    expect([first.rows.length, first.hasNext, second.rows.length, second.hasNext, third.rows.length]).toEqual([
      50,
      true,
      2,
      false,
      0,
    ]);
    const seen = [...first.rows, ...second.rows].map((row) => row.accountId);
    expect(new Set(seen).size).toBe(52);
    expect(new Set(seen)).toEqual(new Set(accounts.map((account) => account.accountId)));

    // Usage shows as month-to-date spend and last usage; the filter narrows by standing.
    const [spender, frozen] = accounts;
    await ingestUsage(getDb(), [
      {
        id: `pager:${spender!.accountId}`,
        account: spender!.accountId,
        space: "app",
        hour: new Date(hourAgo(0)),
        usage: { ...emptyUsage(), messages: 1_000_000n },
      },
    ]);
    await freezeAccount(getDb(), session, { accountId: frozen!.accountId, reason: "Paging test" });
    const byState = async (standing: "active" | "frozen" | "closed") =>
      (await searchAccounts(getDb(), session, { q: marker, standing, page: 1 })).rows.map((row) => row.accountId);
    expect(await byState("frozen")).toEqual([frozen!.accountId]);
    expect(await byState("active")).not.toContain(frozen!.accountId);
    expect(await byState("closed")).toEqual([]);
    const spent = (await searchAccounts(getDb(), session, { q: spender!.accountId, page: 1 })).rows[0]!;
    expect(spent.monthToDateMicros).toBeGreaterThan(0n);
    expect(spent.lastUsageAt?.toISOString()).toBe(hourAgo(0));
  });

  it("names each bad query parameter instead of failing: page=-1, an unknown standing, 10 kB of text", () => {
    expect(parseAccountSearchParams({ page: "-1", standing: "nonsense", q: "x".repeat(10_000) })).toEqual({
      query: { q: undefined, standing: undefined, page: 1 },
      problems: [
        "Search for at most 200 characters.",
        "Not a known standing: choose active, low, grace, frozen or closed.",
        "Pages start at 1.",
      ],
    });
    expect(parseAccountSearchParams({ page: "abc", q: "a\u0000b" }).problems).toEqual([
      "The search must be plain text on one line.",
      "Not a page number.",
    ]);
    expect(parseAccountSearchParams({ page: "2", standing: "grace", q: " ada " })).toEqual({
      query: { q: "ada", standing: "grace", page: 2 },
      problems: [],
    });
  });
});
