const tones = {
  neutral: "bg-paper-soft text-ink-soft border border-line",
  good: "bg-accent/10 text-accent",
  warn: "bg-warn/10 text-warn",
  bad: "bg-danger/10 text-danger",
  brand: "bg-brand-soft text-brand",
} as const;

export function StatusBadge({ tone = "neutral", children }: { tone?: keyof typeof tones; children: string }) {
  return <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${tones[tone]}`}>{children}</span>;
}
