import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { getPricing } from "@/lib/pricing/get-pricing";
import { welcomeExamples, type WelcomeExample } from "./welcome-examples";
import type { OwnAccount } from "./get-own-account";

export type Welcome = {
  /** The welcome credit this account was given (0 when the operators' setting was $0). */
  grantMicros: bigint;
  /** What that credit runs, priced on the rate card in force (none when there was no credit). */
  examples: WelcomeExample[];
};

type WelcomeRow = { dismissed: boolean; has_usage: boolean; grant: string | null };

/**
 * The dashboard's welcome panel for a new account, or null once it has gone: after its first usage
 * arrives, after its owner dismissed it (on any device), or for a closed account. One round trip decides;
 * only a panel that shows reads the rate card.
 */
export async function getWelcome(db: Queryable, account: OwnAccount, now = new Date()): Promise<Welcome | null> {
  if (account.closedAt) return null;
  // The welcome grant is the transfer createBillingAccount posted under its fixed idempotency key.
  const rows = await db.execute<WelcomeRow>(sql`
    select exists (select 1 from welcome_dismissals where account_id = ${account.accountId}) as dismissed,
      exists (select 1 from usage_account_hours where account_id = ${account.accountId}) as has_usage,
      (select amount_micros::text from transfers where idempotency_key = ${`grant:signup:${account.accountId}`}) as grant`);
  const row = rows.rows[0]!;
  if (row.dismissed || row.has_usage) return null;
  const grantMicros = BigInt(row.grant ?? "0");
  if (grantMicros === 0n) return { grantMicros, examples: [] };
  const { current } = await getPricing(now);
  return { grantMicros, examples: welcomeExamples(current, grantMicros) };
}
