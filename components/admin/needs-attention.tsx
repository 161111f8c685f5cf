import Link from "next/link";
import type { NeedsAttention as NeedsAttentionCounts } from "@/lib/admin/count-needs-attention";

export type AttentionItem = { key: string; label: string; count: number; href: string; hint: string };

const counted = (count: number, one: string, many: string) => (count === 1 ? one : many);

/**
 * The overview's items, in the order an operator should look at them. `pendingApprovals` is the
 * two-person rule's queue (lib/admin/count-pending-approvals.ts); the overview always passes it.
 */
export function attentionItemsOf(attention: NeedsAttentionCounts, pendingApprovals?: number): AttentionItem[] {
  const items: AttentionItem[] = [
    {
      key: "failed-events",
      label: counted(attention.failedEvents, "Failed Stripe event", "Failed Stripe events"),
      count: attention.failedEvents,
      href: "/admin/payments?outcome=failed",
      hint: "Fix the cause, then fetch and apply it again from Stripe.",
    },
    {
      key: "drift",
      label: counted(
        attention.drift,
        "Difference found by the last reconciliation",
        "Differences found by the last reconciliation",
      ),
      count: attention.drift,
      href: "/admin/payments#runs",
      hint: "Stripe and the ledger disagree.",
    },
    {
      key: "reconciliation-failed",
      label: "Last reconciliation failed",
      count: attention.isLastReconciliationFailed ? 1 : 0,
      href: "/admin/payments#runs",
      hint: "It stopped on an error: run it again once Stripe answers.",
    },
    {
      key: "given-up-emails",
      label: counted(attention.givenUpEmails, "Email given up on", "Emails given up on"),
      count: attention.givenUpEmails,
      href: "/admin/emails",
      hint: "Every try failed: fix SMTP or the address, then try again.",
    },
    {
      key: "paused-accounts",
      label: counted(
        attention.pausedAccounts,
        "Account in grace or frozen, auto-recharge paused",
        "Accounts in grace or frozen, auto-recharge paused",
      ),
      count: attention.pausedAccounts,
      href: "/admin/accounts",
      hint: "Their card was declined or needs authentication.",
    },
  ];
  if (pendingApprovals !== undefined) {
    items.push({
      key: "pending-approvals",
      label: counted(
        pendingApprovals,
        "Adjustment waiting for a second operator",
        "Adjustments waiting for a second operator",
      ),
      count: pendingApprovals,
      href: "/admin/approvals",
      hint: "Another operator must approve or reject it.",
    });
  }
  return items;
}

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
