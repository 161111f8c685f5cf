import "server-only";
import { eq, sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import { postCustomerTransfers } from "@/lib/billing/post-customer-transfers";
import type { Database, Transaction } from "@/lib/db/client";
import { incidentCredits, incidents } from "@/lib/db/schema";
import { runTransaction } from "@/lib/db/run-transaction";
import { AppError } from "@/lib/errors";
import { getSystemAccounts } from "@/lib/ledger/system-accounts";
import type { TransferInput } from "@/lib/ledger/types";
import type { AppSession } from "@/lib/session/app-session";
import { requireAdmin } from "@/lib/session/require-admin";
import { computeIncidentCredits } from "./compute-incident-credits";
import { creditedHours } from "./incident-window";

export type CreditIncidentResult = {
  /** true when the incident had been credited before: this call posted nothing. */
  isAlreadyCredited: boolean;
  accounts: number;
  creditedMicros: bigint;
};

/** The credit's key: one per incident and account, so no account is ever credited twice for one incident. */
export function incidentCreditKey(incidentId: bigint, accountId: string): string {
  return `incident:${incidentId}:${accountId}`;
}

/**
 * An incident already credited whose hours and spaces overlap this one's: crediting both would pay the
 * same usage back twice (credits are per account, not per hour and space), so the second is refused.
 */
async function findOverlapping(
  tx: Transaction,
  incident: { id: bigint; startsAt: Date; endsAt: Date; isAllSpaces: boolean },
) {
  const { from, to } = creditedHours(incident);
  const rows = await tx.execute<{ id: string; title: string }>(sql`
    select o.id::text, o.title from incidents o
    where o.id <> ${incident.id} and o.credited_at is not null
      and date_trunc('hour', o.starts_at, 'UTC') < ${to.toISOString()}::timestamptz
      and date_trunc('hour', o.ends_at, 'UTC') + case when o.ends_at = date_trunc('hour', o.ends_at, 'UTC') then interval '0' else interval '1 hour' end
        > ${from.toISOString()}::timestamptz
      and (o.is_all_spaces or ${incident.isAllSpaces} or exists (
        select 1 from incident_spaces mine join incident_spaces theirs on theirs.space_id = mine.space_id
        where mine.incident_id = ${incident.id} and theirs.incident_id = o.id))
    order by o.id limit 1`);
  return rows.rows[0];
}

/**
 * Credits every account the incident's usage was billed to (operators only): one `incident_credit`
 * transfer each, from usage revenue (the revenue that usage earned is given back), with the incident's
 * title as its reason, which is what the customer's statement shows. Exactly once: the incident row is
 * locked first, so a second confirm (a double click, a second operator) waits, then finds it credited
 * and posts nothing; the per-account idempotency keys hold even if that lock were ever bypassed. An
 * incident overlapping one already credited (same hours, a shared space) is refused: all credits take
 * one transaction-scoped advisory lock first, so two overlapping incidents cannot both pass that check.
 * The credits, the incident's credited state and the audit entry commit together.
 */
export async function creditIncident(
  db: Database,
  session: AppSession | null,
  incidentId: bigint,
): Promise<CreditIncidentResult> {
  const admin = requireAdmin(session);
  return runTransaction(db, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('incident-credits'))`);
    const [incident] = await tx.select().from(incidents).where(eq(incidents.id, incidentId)).for("update");
    if (!incident) throw new AppError("not_found", { message: "That incident does not exist." });
    if (incident.creditedAt) {
      return {
        isAlreadyCredited: true,
        accounts: incident.creditedAccounts ?? 0,
        creditedMicros: incident.creditedMicros ?? 0n,
      };
    }
    const overlapping = await findOverlapping(tx, incident);
    if (overlapping) {
      throw new AppError("conflict", {
        message: `These hours and spaces overlap incident #${overlapping.id} ("${overlapping.title}"), which is already credited: crediting both would pay the same usage back twice.`,
      });
    }
    const credits = await computeIncidentCredits(tx, incident);
    const owed = credits.accounts.filter((account) => account.creditMicros > 0n);
    const ledger = await tx.execute<{ id: string; billing_account_id: string }>(sql`
      select id::text, billing_account_id from ledger_accounts
      where billing_account_id = any(${sql.param(owed.map((account) => account.accountId))}::text[])`);
    const ledgerIds = new Map(ledger.rows.map((row) => [row.billing_account_id, BigInt(row.id)]));
    const { usage_revenue: revenue } = await getSystemAccounts(tx);
    const transfers: TransferInput[] = owed.map((account) => ({
      idempotencyKey: incidentCreditKey(incident.id, account.accountId),
      kind: "incident_credit",
      fromAccountId: revenue,
      toAccountId: ledgerIds.get(account.accountId)!,
      amountMicros: account.creditMicros,
      reason: incident.title,
      metadata: {
        incident_id: incident.id.toString(),
        hours_from: credits.from.toISOString(),
        hours_to: credits.to.toISOString(),
      },
    }));
    if (transfers.length > 0) {
      const posted = await postCustomerTransfers(tx, transfers, `incident ${incident.id} credit`);
      await tx
        .insert(incidentCredits)
        .values(
          owed.map((account, index) => ({
            incidentId: incident.id,
            accountId: account.accountId,
            transferId: posted.transfers[index]!.id,
            amountMicros: account.creditMicros,
          })),
        );
    }
    const after = {
      creditedBy: admin.user.id,
      creditedAt: new Date(),
      creditedMicros: credits.totals.creditMicros,
      creditedAccounts: transfers.length,
    };
    await tx.update(incidents).set(after).where(eq(incidents.id, incident.id));
    await recordAudit(tx, {
      session: admin,
      action: "incident.credit",
      target: `incident:${incident.id}`,
      before: { creditedAt: null },
      after: {
        ...after,
        billedMicros: credits.totals.billedMicros,
        writtenOffMicros: credits.totals.writtenOffMicros,
        hours: { from: credits.from, to: credits.to },
      },
    });
    return { isAlreadyCredited: false, accounts: transfers.length, creditedMicros: credits.totals.creditMicros };
  });
}
