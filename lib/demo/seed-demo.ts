import "server-only";
import { createHmac } from "node:crypto";
import { sql } from "drizzle-orm";
import { createBillingAccount } from "@/lib/billing/create-billing-account";
import { registerPlatformToken } from "@/lib/billing/platform-tokens";
import { postCustomerTransfers } from "@/lib/billing/post-customer-transfers";
import { ingestUsage } from "@/lib/billing/ingest-usage";
import type { Database } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { runTransaction } from "@/lib/db/run-transaction";
import { getSystemAccounts } from "@/lib/ledger/system-accounts";
import { DEMO_SPACES, demoRecord, hoursBetween } from "./demo-usage";

/** What the demo seed created, for `.data/demo.json` (DESIGN section 3). */
export type DemoSeed = {
  adminEmail: string;
  userEmail: string;
  userAccount: string;
  platformToken?: string;
  stripeEmulatorUrl?: string;
};

export const DEMO_ADMIN_EMAIL = "operator@example.com";
export const DEMO_USER_EMAIL = "indie@example.com";
const DEMO_STARTING_CREDIT_MICROS = 25_000_000n;
const DEMO_HISTORY_DAYS = 30;

async function ensureUser(db: Database, email: string, role: "user" | "admin"): Promise<{ id: string; createdAt: Date }> {
  await db.execute(sql`
    insert into "user" (id, email, name, role, "emailVerified") values (${crypto.randomUUID()}, ${email}, ${email.split("@")[0]}, ${role}, now())
    on conflict (email) do nothing`);
  const row = await db.execute<{ id: string; created_at: string }>(sql`select id, "createdAt"::text as created_at from "user" where email = ${email}`);
  return { id: row.rows[0]!.id, createdAt: new Date(row.rows[0]!.created_at) };
}

/**
 * Seeds the demo, idempotently: an operator, an invited user with a funded billing account, and a
 * month of hourly usage for two spaces fed through the same ingestion path as the billing API, so the
 * balance and statement are real results of rating. The month ends where the user was created, so a
 * second seed finds every record already there.
 */
export async function seedDemo(db: Database): Promise<DemoSeed> {
  await ensureUser(db, DEMO_ADMIN_EMAIL, "admin");
  const user = await ensureUser(db, DEMO_USER_EMAIL, "user");
  const account = await runTransaction(db, (tx) => createBillingAccount(tx, { userId: user.id }));
  await runTransaction(db, async (tx) => {
    const system = await getSystemAccounts(tx);
    const ledger = await tx.execute<{ id: string }>(sql`select id::text from ledger_accounts where billing_account_id = ${account}`);
    await postCustomerTransfers(tx, [
      {
        idempotencyKey: `demo:starting-credit:${account}`,
        kind: "adjustment",
        fromAccountId: system.adjustments,
        toAccountId: BigInt(ledger.rows[0]!.id),
        amountMicros: DEMO_STARTING_CREDIT_MICROS,
        reason: "Demo starting credit",
      },
    ], "demo starting credit");
  });
  const end = new Date(Math.floor(user.createdAt.getTime() / 3_600_000) * 3_600_000);
  const hours = hoursBetween(new Date(end.getTime() - DEMO_HISTORY_DAYS * 86_400_000), end);
  const records = hours.flatMap((hour) => DEMO_SPACES.map((space) => demoRecord(account, space, hour)));
  for (let start = 0; start < records.length; start += 1000) {
    await ingestUsage(db, records.slice(start, start + 1000));
  }
  // The demo token is derived from the demo-only auth secret, so every seed writes the same one and
  // `.data/demo.json` can show it; production refuses that secret, so this token cannot exist there.
  const platformToken = `ptk_${createHmac("sha256", getEnv().authSecret).update("demo platform token").digest("hex").slice(0, 40)}`;
  await registerPlatformToken(db, "demo host fleet", platformToken);
  return { adminEmail: DEMO_ADMIN_EMAIL, userEmail: DEMO_USER_EMAIL, userAccount: account, platformToken };
}
