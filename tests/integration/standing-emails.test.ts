import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { createBillingAccount } from "@/lib/billing/create-billing-account";
import { ingestUsage } from "@/lib/billing/ingest-usage";
import { notifyStandingChanges } from "@/lib/billing/notify-standing-changes";
import { emptyUsage } from "@/lib/billing/resources";
import { closeDb, getDb } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { mailApiUrl } from "../support/test-env";

type CaughtEmail = { subject: string; to: Array<{ address: string }> };

afterAll(closeDb);

async function mailFor(address: string): Promise<string[]> {
  const emails = (await (await fetch(`${mailApiUrl()}/api/email`)).json()) as CaughtEmail[];
  return emails.filter((email) => email.to.some((to) => to.address === address)).map((email) => email.subject);
}

describe("standing emails", () => {
  it("emails each standing change once, worded by direction", async () => {
    const db = getDb();
    const userId = randomUUID();
    const email = `standing-${userId}@example.com`;
    await db.execute(sql`insert into "user" (id, email) values (${userId}, ${email})`);
    const account = await runTransaction(db, (tx) => createBillingAccount(tx, { userId }));
    // $6 of third-party calls: $0.20 per 1,000, so 30,000 calls take the $5 grant to -$1 (grace).
    const usage = { ...emptyUsage(), third_party_calls: 30_000n };
    const result = await ingestUsage(db, [{ id: `standing:${userId}`, account, space: "app", hour: new Date("2026-11-01T10:00:00Z"), usage }]);
    expect(result.standingChanges.map((change) => change.to)).toEqual(["grace"]);

    expect(await notifyStandingChanges(db, { accountIds: [account] })).toBe(2);
    expect((await mailFor(email)).sort()).toEqual(["Credit added to your Tandem account", "Your Tandem balance has run out"]);

    expect(await notifyStandingChanges(db, { accountIds: [account] })).toBe(0);
    expect(await mailFor(email)).toHaveLength(2);
    const pending = await db.execute<{ n: number }>(sql`
      select count(*)::int as n from standing_changes where account_id = ${account} and notified_at is null`);
    expect(pending.rows[0]?.n).toBe(0);
  });
});
