const tones = {
  neutral: "bg-paper-soft text-ink-soft border border-line",
  good: "bg-accent/10 text-accent",
  // Ink on the tint, as the account area's standing badges: warn-coloured text on its own 10% tint is
  // under 4.5:1 at this size in light mode (axe).
  warn: "bg-warn/10 text-ink ring-1 ring-warn/50",
  bad: "bg-danger/10 text-danger",
  brand: "bg-brand-soft text-brand",
} as const;

export function StatusBadge({ tone = "neutral", children }: { tone?: keyof typeof tones; children: string }) {
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${tones[tone]}`}>{children}</span>;
}
