import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/lib/db/client";
import { getEnv } from "@/lib/env";

export type AccountPayment = {
  transferId: bigint;
  at: Date;
  kind: "top_up" | "refund" | "dispute" | "dispute_won";
  /** Signed as the customer's statement shows it: a top-up adds, a refund or dispute takes back. */
  amountMicros: bigint;
  isAutoRecharge: boolean;
  /** The Stripe object the money came through: its payment intent when known, else the charge. */
  stripeId: string | null;
  /** Where an operator opens that object: Stripe's dashboard with real Stripe, none at the emulator. */
  stripeUrl: string | null;
};

export const ACCOUNT_PAYMENTS_LIMIT = 50;

/**
 * Stripe's dashboard page of a payment. The emulator (demo, tests) has no page for a payment, so there
 * the id is shown on its own rather than a link that leads nowhere.
 */
export function stripeDashboardUrl(stripeId: string | null): string | null {
  if (!stripeId || getEnv().stripe.apiUrl !== undefined) return null;
  const mode = getEnv().stripe.secretKey.startsWith("sk_test_") ? "test/" : "";
  return `https://dashboard.stripe.com/${mode}payments/${encodeURIComponent(stripeId)}`;
}

type Row = {
  id: string;
  created_at: Date;
  kind: AccountPayment["kind"];
  amount: string;
  intent: string | null;
  charge: string | null;
  is_auto: boolean;
};

/**
 * The card money of one account, newest first: top-ups (Checkout and auto-recharge), refunds and
 * disputes, read from its ledger (what was credited or taken back) with the Stripe ids the postings
 * carry. For an account the caller has already authorized (getAccountDetail).
 */
export async function listAccountPayments(db: Queryable, ledgerAccountId: bigint): Promise<AccountPayment[]> {
  const result = await db.execute<Row>(sql`
    select t.id::text, e.created_at, t.kind, e.amount_micros::text as amount,
      coalesce(t.metadata ->> 'payment_intent_id', u.payment_intent_id) as intent,
      coalesce(t.metadata ->> 'charge_id', u.charge_id) as charge,
      (t.metadata ? 'payment_intent_id') as is_auto
    from entries e
    join transfers t on t.id = e.transfer_id
    left join top_ups u on u.checkout_session_id = t.metadata ->> 'checkout_session_id'
    where e.ledger_account_id = ${ledgerAccountId.toString()}::bigint and t.kind in ('top_up', 'refund', 'dispute', 'dispute_won')
    order by e.id desc
    limit ${ACCOUNT_PAYMENTS_LIMIT}`);
  return result.rows.map((row) => {
    const stripeId = row.intent ?? row.charge;
    return {
      transferId: BigInt(row.id),
      at: new Date(row.created_at),
      kind: row.kind,
      amountMicros: BigInt(row.amount),
      isAutoRecharge: row.is_auto,
      stripeId,
      stripeUrl: stripeDashboardUrl(stripeId),
    };
  });
}
