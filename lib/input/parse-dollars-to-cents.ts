// Dollar amounts typed into forms (top-ups, auto-recharge, the welcome credit): input policy, so it
// lives in the foundation where every form's schema can use it. Pure.

/** "12.50", "$1,000" or "40" as integer cents; undefined when it is not a plain dollar amount. */
export function parseDollarsToCents(text: string): number | undefined {
  const match = /^\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return undefined;
  const dollars = Number(match[1]!.replaceAll(",", ""));
  const cents = Number((match[2] ?? "").padEnd(2, "0"));
  const total = dollars * 100 + cents;
  return Number.isSafeInteger(total) ? total : undefined;
}
