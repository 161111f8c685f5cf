// A month of the statement page's lines (lib/account/statement-lines.ts) grouped the way a monthly
// statement reads: opening balance, credits, usage by space, the other movements, closing balance. No
// figure is worked out afresh: every amount is a line's own `amountMicros` (what it adds to the
// balance on the page) or a space's own cost within a usage line, and opening/closing are the page's
// balances around the month, so opening + every section = closing, to the micro-dollar. Pure (no
// `server-only`), so the arithmetic is unit-tested without a database.
import type { TransferKind } from "@/lib/account/get-statement";
import type { StatementLine } from "@/lib/account/statement-lines";

export type StatementCredit = {
  entryId: bigint;
  at: Date;
  kind: TransferKind;
  description: string | null;
  amountMicros: bigint;
};

export type SpaceUsage = { name: string; costMicros: bigint };

export type MonthFigures = {
  openingMicros: bigint;
  closingMicros: bigint;
  /** Top-ups and auto-recharges (kind `top_up`) and grants, oldest first. */
  credits: StatementCredit[];
  creditsMicros: bigint;
  /** Each space's rated usage over the month, most expensive first (then by name). */
  usageBySpace: SpaceUsage[];
  /** What usage was rated at (positive), and the part past the floor that was written off (positive). */
  usageRatedMicros: bigint;
  writtenOffMicros: bigint;
  /** Usage's net effect on the balance (negative): the usage lines' amounts plus any write-off on its own line. */
  usageMicros: bigint;
  /** Refunds, disputes, adjustments, reversals, incident credits: each as the page shows it, oldest first. */
  otherMovements: StatementCredit[];
  otherMicros: bigint;
  hasActivity: boolean;
};

const CREDIT_KINDS: ReadonlySet<TransferKind> = new Set(["top_up", "grant"]);

/**
 * Sums a month's lines (newest first, as the page lists them; only the month's own days) into its
 * figures. `closingBeforeMicros` is the balance after the newest line before the month (0 with none):
 * a month without a line opens and closes there.
 */
export function summarizeStatementMonth(lines: StatementLine[], closingBeforeMicros: bigint): MonthFigures {
  const newest = lines[0];
  const oldest = lines.at(-1);
  const figures: MonthFigures = {
    openingMicros: oldest ? oldest.balanceAfterMicros - oldest.amountMicros : closingBeforeMicros,
    closingMicros: newest ? newest.balanceAfterMicros : closingBeforeMicros,
    credits: [],
    creditsMicros: 0n,
    usageBySpace: [],
    usageRatedMicros: 0n,
    writtenOffMicros: 0n,
    usageMicros: 0n,
    otherMovements: [],
    otherMicros: 0n,
    hasActivity: lines.length > 0,
  };
  const spaces = new Map<string, bigint>();
  for (const line of [...lines].reverse()) {
    if (line.type === "usage") {
      figures.usageMicros += line.amountMicros;
      figures.usageRatedMicros += line.ratedMicros;
      figures.writtenOffMicros += line.writtenOffMicros;
      for (const space of line.spaces) spaces.set(space.name, (spaces.get(space.name) ?? 0n) + space.costMicros);
      continue;
    }
    const { movement } = line;
    const item = {
      entryId: movement.entryId,
      at: movement.at,
      kind: movement.kind,
      description: movement.description,
      amountMicros: line.amountMicros,
    };
    if (movement.kind === "usage_write_off") {
      // Folded into the usage line before it (amount 0); one with no usage before it on the page counts here.
      figures.usageMicros += line.amountMicros;
      figures.writtenOffMicros += line.amountMicros;
    } else if (CREDIT_KINDS.has(movement.kind)) {
      figures.credits.push(item);
      figures.creditsMicros += line.amountMicros;
    } else {
      figures.otherMovements.push(item);
      figures.otherMicros += line.amountMicros;
    }
  }
  figures.usageBySpace = [...spaces]
    .map(([name, costMicros]) => ({ name, costMicros }))
    .sort((a, b) =>
      b.costMicros > a.costMicros ? 1 : b.costMicros < a.costMicros ? -1 : a.name.localeCompare(b.name),
    );
  return figures;
}
