import Link from "next/link";

export type AttentionItem = { key: string; label: string; count: number; href: string; hint: string };

/**
 * What needs an operator today, each with its count and where to act. Only items with something in them
 * show; none at all is a calm all-clear rather than a row of zeros.
 */
export function NeedsAttention({ items }: { items: AttentionItem[] }) {
  const open = items.filter((item) => item.count > 0);
  return (
    <section aria-labelledby="attention-heading" className="space-y-3">
      <h2 id="attention-heading" className="text-base font-semibold">
        Needs attention today
      </h2>
      {open.length === 0 ? (
        <p
          className="border-line bg-paper text-ink-soft rounded-2xl border border-dashed p-6 text-sm"
          data-testid="attention-clear"
        >
          Nothing needs you: every Stripe event went through, the last reconciliation found no drift, every email was
          delivered, and no account is stuck without its auto-recharge.
        </p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2">
          {open.map((item) => (
            <li key={item.key} data-testid="attention-item">
              <Link
                href={item.href}
                className="border-warn/50 bg-paper hover:border-brand flex h-full items-start gap-4 rounded-2xl border p-5"
              >
                <span className="text-2xl font-bold tracking-tight tabular-nums">
                  {item.count.toLocaleString("en-US")}
                </span>
                <span>
                  <span className="block font-semibold">{item.label}</span>
                  <span className="text-ink-soft block text-sm">{item.hint}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
