import Link from "next/link";
import type { PaymentAttention } from "@/lib/account/get-payment-attention";
import type { OwnAccount } from "@/lib/account/get-own-account";
import { formatMicros } from "@/lib/billing/rate-units";
import { Notice } from "@/components/ui/notice";

const topUpLink = (
  <Link href="/account/billing" className="font-semibold text-brand underline hover:text-brand-strong">
    Add credit
  </Link>
);

/** Notices that need the owner: a low or exhausted balance, a freeze, a payment that did not go through. */
export function DashboardNotices({ account, payment }: { account: OwnAccount; payment: PaymentAttention | null }) {
  if (account.closedAt) return null;
  return (
    <div className="space-y-3" data-testid="notices">
      {account.state === "frozen" ? (
        <Notice tone="warn" title="Your apps are frozen">
          They are read-only until the balance is above {formatMicros(account.floorMicros)}. {topUpLink} to unfreeze them at once.
        </Notice>
      ) : null}
      {account.state === "low" || account.state === "grace" ? (
        <Notice tone="warn" title={account.state === "low" ? "Your balance is low" : "Your credit has run out"}>
          {account.state === "low"
            ? `It is at or below your ${formatMicros(account.lowThresholdMicros)} alert.`
            : `Apps run on overdraft down to ${formatMicros(account.floorMicros)}.`}{" "}
          {topUpLink} to keep your apps running.
        </Notice>
      ) : null}
      {payment?.kind === "auto_recharge_paused" ? (
        <Notice tone="warn" title="Auto-recharge is paused">
          {payment.reason === "authentication_required"
            ? "Your bank asked to confirm the last automatic charge, so nothing was charged."
            : payment.reason === "no_card"
              ? "There is no saved card to charge."
              : "Your card was declined for the last automatic charge, so nothing was charged."}{" "}
          <Link href="/account/billing" className="font-semibold text-brand underline hover:text-brand-strong">
            Pay by hand or resume auto-recharge
          </Link>
          .
        </Notice>
      ) : null}
      {payment?.kind === "failed" ? (
        <Notice tone="warn" title="A payment needs your attention">
          Your top-up of {formatMicros(payment.amountMicros)} did not go through{payment.reason ? ` (${payment.reason})` : ""}. Nothing was
          charged. {topUpLink} with another card.
        </Notice>
      ) : null}
      {payment?.kind === "pending" ? (
        <Notice title="A payment is still settling">
          Your top-up of {formatMicros(payment.amountMicros)} is being processed by your bank; the credit is added once it clears.
        </Notice>
      ) : null}
    </div>
  );
}
