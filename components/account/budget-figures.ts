// Spend against a budget as the spaces page draws it. Pure, shared by the account's panel and each space's row.
import { formatCents } from "@/lib/format/money";

export type BudgetTone = "ok" | "near" | "over";

const BAR_CLASSES: Record<BudgetTone, string> = { ok: "bg-brand", near: "bg-warn", over: "bg-danger" };

/**
 * Whole percent of the budget spent, rounded down (99.6% is not yet "100%": the limit is not reached),
 * the bar's width (full past the budget) and its colour: from 80% amber, from 100% the danger colour.
 */
export function budgetBar(
  spendMicros: bigint,
  budgetMicros: bigint,
): { percent: string; barWidth: string; tone: BudgetTone; barClass: string } {
  const whole = budgetMicros > 0n ? (spendMicros * 100n) / budgetMicros : 0n;
  const tone: BudgetTone = whole >= 100n ? "over" : whole >= 80n ? "near" : "ok";
  return {
    percent: `${whole.toString()}%`,
    barWidth: `${whole > 100n ? 100 : Number(whole)}%`,
    tone,
    barClass: BAR_CLASSES[tone],
  };
}

/** A budget as its form field shows it: dollars and cents without the sign or separators ("1234.50"). */
export function dollarsForInput(micros: bigint): string {
  return formatCents(micros).replace(/[$,]/g, "");
}
