// The statement as a person reads it: usage as one line per UTC day (split where another movement
// falls inside the day), each naming the hours it covers and, per space, what they cost; every
// other movement (payment, refund, dispute, grant, adjustment) its own line. No `server-only`: pure, so
// the arithmetic is unit-tested without a database.
//
// Why usage comes from the hourly rollup and not from the usage transfers: a usage transfer bills a
// batch (any hours, any spaces: a month in one, or a millionth of a dollar) and names neither, while
// usage_hours holds the billed cost of each space and hour. Both are written by ingestion's one
// transaction from the same per-record costs (lib/billing/ingest-in-transaction.ts, store-usage.ts),
// so at every snapshot the usage transfers posted to an account sum to exactly minus its usage_hours
// costs. Each hour's cost is placed at the start of its hour among the other movements at their posting
// times (a live platform reports an hour while it runs, so a write-off posted in the hour follows the
// usage it offsets), but not before the account's first usage posting unless that is on a later day
// (a new account's first hour follows its welcome credit). Where lines fall only orders them, always
// within their own UTC day, so every page and filter orders a day the same way; which lines exist and
// what they sum to does not depend on it: opening balance + every line = the balance, to the
// micro-dollar (tests/integration/statement-lines.test.ts). The balance after a line is the balance had
// each hour been billed then: for usage reported days late (a backfill, the demo seed's month) it differs
// from what the ledger held at the time. The CSV keeps every posting with its real running balance.
import type { TransferKind } from "./get-statement";

export type StatementMovement = {
  entryId: bigint;
  at: Date;
  kind: TransferKind;
  description: string | null;
  /** Signed, on the customer's ledger account: credit positive. */
  amountMicros: bigint;
  receiptUrl: string | null;
  /** A card credit's invoice (lib/payments/get-receipt-urls.ts), when it has one. */
  invoice?: { number: string | null; url: string } | null;
};

/** A space's billed usage within one line: `segment` counts the movements posted before these hours. */
export type UsagePiece = {
  /** "2026-12-05": the UTC day of the hours. */
  day: string;
  segment: number;
  spaceName: string;
  firstHour: Date;
  lastHour: Date;
  costMicros: bigint;
};

export type UsageLine = {
  type: "usage";
  day: string;
  firstHour: Date;
  lastHour: Date;
  /** Signed (a debit is negative), net of any write-off that followed it. */
  amountMicros: bigint;
  /** What the hours were rated at, before a write-off. */
  ratedMicros: bigint;
  writtenOffMicros: bigint;
  spaces: Array<{ name: string; firstHour: Date; lastHour: Date; costMicros: bigint }>;
  balanceAfterMicros: bigint;
};

export type MovementLine = {
  type: "movement";
  movement: StatementMovement;
  /** What the line adds to the balance: a write-off's is folded into the usage it wrote off, so 0. */
  amountMicros: bigint;
  balanceAfterMicros: bigint;
};

export type StatementLine = UsageLine | MovementLine;

function usageLinesOf(pieces: UsagePiece[]): Map<number, UsageLine[]> {
  const byKey = new Map<string, UsageLine & { segment: number }>();
  for (const piece of pieces) {
    const key = `${piece.segment}|${piece.day}`;
    let line = byKey.get(key);
    if (!line) {
      line = {
        type: "usage",
        segment: piece.segment,
        day: piece.day,
        firstHour: piece.firstHour,
        lastHour: piece.lastHour,
        amountMicros: 0n,
        ratedMicros: 0n,
        writtenOffMicros: 0n,
        spaces: [],
        balanceAfterMicros: 0n,
      };
      byKey.set(key, line);
    }
    if (piece.firstHour < line.firstHour) line.firstHour = piece.firstHour;
    if (piece.lastHour > line.lastHour) line.lastHour = piece.lastHour;
    line.ratedMicros += piece.costMicros;
    line.amountMicros -= piece.costMicros;
    line.spaces.push({ name: piece.spaceName, firstHour: piece.firstHour, lastHour: piece.lastHour, costMicros: piece.costMicros });
  }
  const bySegment = new Map<number, UsageLine[]>();
  for (const { segment, ...line } of byKey.values()) {
    line.spaces.sort((a, b) => (b.costMicros > a.costMicros ? 1 : b.costMicros < a.costMicros ? -1 : a.name.localeCompare(b.name)));
    const list = bySegment.get(segment) ?? [];
    list.push(line);
    bySegment.set(segment, list);
  }
  for (const list of bySegment.values()) list.sort((a, b) => a.day.localeCompare(b.day));
  return bySegment;
}

/**
 * The lines of a stretch of the statement, newest first, from its movements (oldest first, as posted)
 * and its usage pieces, ending at `closingMicros` (the balance after the stretch's newest line). Usage
 * placed between movement k-1 and k has segment k. A `usage_write_off` (usage rated past the floor,
 * credited back) is folded into the usage line before it: that line shows what was charged, the
 * write-off line what was not, and the balance does not move on it.
 */
export function buildStatementLines(movements: StatementMovement[], pieces: UsagePiece[], closingMicros: bigint): StatementLine[] {
  const usage = usageLinesOf(pieces);
  const chronological: StatementLine[] = [];
  let lastUsage: UsageLine | undefined;
  movements.forEach((movement, index) => {
    for (const line of usage.get(index) ?? []) chronological.push((lastUsage = line));
    let amountMicros = movement.amountMicros;
    if (movement.kind === "usage_write_off" && lastUsage) {
      lastUsage.amountMicros += movement.amountMicros;
      lastUsage.writtenOffMicros += movement.amountMicros;
      amountMicros = 0n;
    }
    chronological.push({ type: "movement", movement, amountMicros, balanceAfterMicros: 0n });
  });
  for (const line of usage.get(movements.length) ?? []) chronological.push(line);
  // Balances newest first, from the closing balance back: each line's balance after it.
  const lines = chronological.reverse();
  let balance = closingMicros;
  for (const line of lines) {
    line.balanceAfterMicros = balance;
    balance -= line.amountMicros;
  }
  return lines;
}

/** "00:00–23:59 UTC": from the first hour's start to the last hour's end. */
export function formatHours(firstHour: Date, lastHour: Date): string {
  const end = new Date(lastHour.getTime() + 59 * 60_000);
  return `${firstHour.toISOString().slice(11, 16)}–${end.toISOString().slice(11, 16)} UTC`;
}
