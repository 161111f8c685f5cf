import "server-only";
import { sql } from "drizzle-orm";
import { listRateCards, cardForHour } from "@/lib/billing/rate-cards";
import { RESOURCES } from "@/lib/billing/resources";
import type { Queryable } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { creditedHours } from "./incident-window";

// What an incident gives back, and why it is exactly what the customer paid for those hours.
//
// Sources. Rating (lib/billing/rate-records.ts) prices each meter record with the card in force for its
// hour (cardForHour) and bills whole micro-dollars, carrying the fraction per account, resource and card
// to the next record (rating_remainders). The micros it billed are stored twice, from the same sums, in
// the ingestion transaction (lib/billing/store-usage.ts): per record (meter_records.cost_micros, with
// the usage transfer that billed it) and per account, space and hour (usage_hours' `<resource>_cost`
// columns). The usage transfer of a batch is the sum of its records' cost_micros. So the credit is the
// billed micros, not a fresh pricing of the units: re-pricing the window's units would differ from what
// was charged by the carried fractions (under one micro-dollar per resource and card at each edge of
// the window), and a credit must give back what was taken, no more and no less. The carried fractions
// themselves were never charged, so there is nothing of them to give back.
//
// The amounts come from usage_hours (the source; the rate card of each hour is named for the
// preview). meter_records is read for the same window to tie them to their usage transfers, and the two
// must agree to the micro-dollar per account; if they ever disagree, nothing is credited (a system
// problem, never a guess).
//
// Write-offs. Usage rated past an account's floor was posted in full and the part below the floor given
// back in the same transaction (`usage_write_off`, keyed `write-off:<usage key>`). That part was never
// paid, so it must not be credited again. A write-off belongs to one usage transfer, which may also
// bill records outside the window; which of its records went unpaid is not recorded, so the write-off
// is taken from the window's records first: an account is credited at most what it paid for them.

export type AccountCredit = {
  accountId: string;
  email: string;
  billedMicros: bigint;
  writtenOffMicros: bigint;
  creditMicros: bigint;
};
/** The hours priced by one rate card and what they billed. */
export type CardShare = { version: number; hours: number; billedMicros: bigint };
export type IncidentCredits = {
  /** The whole hours credited, [from, to). */
  from: Date;
  to: Date;
  /** Accounts billed for the window, largest credit first. */
  accounts: AccountCredit[];
  cards: CardShare[];
  totals: { billedMicros: bigint; writtenOffMicros: bigint; creditMicros: bigint };
};

export type IncidentScope = { id: bigint; startsAt: Date; endsAt: Date; isAllSpaces: boolean };

const costSum = sql.raw(RESOURCES.map((resource) => `h.${resource}_cost`).join(" + "));

function spaceFilter(incident: IncidentScope, column: string) {
  return incident.isAllSpaces
    ? sql`true`
    : sql`${sql.raw(column)} in (select space_id from incident_spaces where incident_id = ${incident.id})`;
}

/** The billed micros of the incident's usage per account and hour, from usage_hours. */
async function billedHours(db: Queryable, incident: IncidentScope, from: Date, to: Date) {
  const rows = await db.execute<{ account_id: string; hour: string; micros: string }>(sql`
    select h.account_id, h.hour::text, sum(${costSum})::text as micros from usage_hours h
    where h.hour >= ${from.toISOString()}::timestamptz and h.hour < ${to.toISOString()}::timestamptz and ${spaceFilter(incident, "h.space_id")}
    group by h.account_id, h.hour`);
  return rows.rows.map((row) => ({ accountId: row.account_id, hour: new Date(row.hour), micros: BigInt(row.micros) }));
}

/** The same usage by account and the usage transfer that billed it, with that transfer's write-off. */
async function billedTransfers(db: Queryable, incident: IncidentScope, from: Date, to: Date) {
  const rows = await db.execute<{ account_id: string; email: string; billed: string; written_off: string }>(sql`
    select m.account_id, u.email, sum(m.cost_micros)::text as billed, coalesce(w.amount_micros, 0)::text as written_off
    from meter_records m
    join billing_accounts b on b.id = m.account_id
    join "user" u on u.id = b.owner_user_id
    left join transfers t on t.id = m.transfer_id
    left join transfers w on w.idempotency_key = 'write-off:' || t.idempotency_key and w.kind = 'usage_write_off'
    where m.hour >= ${from.toISOString()}::timestamptz and m.hour < ${to.toISOString()}::timestamptz and ${spaceFilter(incident, "m.space_id")}
    group by m.account_id, u.email, m.transfer_id, w.amount_micros`);
  return rows.rows.map((row) => ({
    accountId: row.account_id,
    email: row.email,
    billed: BigInt(row.billed),
    writtenOff: BigInt(row.written_off),
  }));
}

/**
 * What the incident's usage cost each account, to the micro-dollar, and the credit each is owed (the
 * cost less what was written off). Read-only; credit-incident.ts runs it again under the incident's
 * lock, so the confirmed credit is computed from the rows of that moment.
 */
export async function computeIncidentCredits(db: Queryable, incident: IncidentScope): Promise<IncidentCredits> {
  const { from, to } = creditedHours(incident);
  // One after another: `db` may be a transaction, whose one connection runs one query at a time.
  const hours = await billedHours(db, incident, from, to);
  const transfers = await billedTransfers(db, incident, from, to);
  const cards = await listRateCards(db);

  const byAccount = new Map<string, AccountCredit>();
  for (const row of transfers) {
    let account = byAccount.get(row.accountId);
    if (!account)
      byAccount.set(
        row.accountId,
        (account = {
          accountId: row.accountId,
          email: row.email,
          billedMicros: 0n,
          writtenOffMicros: 0n,
          creditMicros: 0n,
        }),
      );
    const unpaid = row.writtenOff < row.billed ? row.writtenOff : row.billed;
    account.billedMicros += row.billed;
    account.writtenOffMicros += unpaid;
    account.creditMicros += row.billed - unpaid;
  }

  const fromHours = new Map<string, bigint>();
  const byCard = new Map<number, CardShare & { hourSet: Set<number> }>();
  for (const row of hours) {
    fromHours.set(row.accountId, (fromHours.get(row.accountId) ?? 0n) + row.micros);
    const card = cardForHour(cards, row.hour);
    const version = card?.version ?? 0;
    let share = byCard.get(version);
    if (!share) byCard.set(version, (share = { version, hours: 0, billedMicros: 0n, hourSet: new Set() }));
    share.hourSet.add(row.hour.getTime());
    share.billedMicros += row.micros;
  }
  for (const accountId of new Set([...fromHours.keys(), ...byAccount.keys()])) {
    const summed = fromHours.get(accountId) ?? 0n;
    const billed = byAccount.get(accountId)?.billedMicros ?? 0n;
    if (summed !== billed) {
      throw new AppError("invariant_violated", {
        message: `Incident ${incident.id}: account ${accountId}'s usage hours sum to ${summed} micros but its meter records to ${billed}.`,
      });
    }
  }

  const accounts = [...byAccount.values()]
    .filter((account) => account.billedMicros > 0n)
    .sort((a, b) =>
      a.creditMicros === b.creditMicros
        ? a.accountId.localeCompare(b.accountId)
        : a.creditMicros > b.creditMicros
          ? -1
          : 1,
    );
  const totals = { billedMicros: 0n, writtenOffMicros: 0n, creditMicros: 0n };
  for (const account of accounts) {
    totals.billedMicros += account.billedMicros;
    totals.writtenOffMicros += account.writtenOffMicros;
    totals.creditMicros += account.creditMicros;
  }
  const shares = [...byCard.values()]
    .filter((share) => share.billedMicros > 0n)
    .sort((a, b) => a.version - b.version)
    .map(({ hourSet, ...share }) => ({ ...share, hours: hourSet.size }));
  return { from, to, accounts, cards: shares, totals };
}
