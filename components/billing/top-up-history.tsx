import { Money } from "@/components/ui/money";
import { formatCents } from "@/lib/format/money";
import { formatDate } from "@/components/account/formats";
import type { TopUpRow } from "@/lib/payments/list-top-ups";

const statusLabel: Record<TopUpRow["status"], { text: string; className: string }> = {
  paid: { text: "Paid", className: "bg-accent/10 text-accent" },
  processing: { text: "Processing", className: "bg-warn/10 text-warn" },
  failed: { text: "Failed", className: "bg-danger/10 text-danger" },
  open: { text: "Not paid", className: "bg-line text-ink-soft" },
  expired: { text: "Expired", className: "bg-line text-ink-soft" },
};

/** Recent card top-ups with links to their receipts. */
export function TopUpHistory({ topUps, timeZone }: { topUps: TopUpRow[]; timeZone: string }) {
  return (
    <section aria-labelledby="history-heading" className="rounded-2xl border border-line bg-paper p-6">
      <h2 id="history-heading" className="text-base font-semibold">Recent top-ups</h2>
      {topUps.length === 0 ? (
        <p className="mt-2 text-sm text-ink-soft">No card payments yet. Your top-ups and their receipts will show here.</p>
      ) : (
        <ul className="mt-3 divide-y divide-line text-sm">
          {topUps.map((topUp) => (
            <li key={topUp.sessionId} className="flex items-center gap-4 py-3">
              <div className="min-w-0 flex-1">
                <p className="font-semibold tabular-nums">
                  <Money micros={topUp.amountMicros} />
                </p>
                <p className="text-xs text-ink-soft">
                  {formatDate(topUp.createdAt, timeZone)}
                </p>
              </div>
              <span className={`rounded-full px-2 py-0.5 text-xs font-semibold ${statusLabel[topUp.status].className}`}>
                {statusLabel[topUp.status].text}
              </span>
              {topUp.receiptUrl ? (
                <a href={topUp.receiptUrl} className="w-16 text-right font-medium text-brand hover:underline" rel="noreferrer" target="_blank">
                  Receipt<span className="sr-only"> for the {formatCents(topUp.amountMicros)} top-up</span>
                </a>
              ) : (
                <span className="w-16" aria-hidden="true" />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
