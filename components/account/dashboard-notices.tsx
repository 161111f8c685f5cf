import Link from "next/link";
import type { PaymentAttention } from "@/lib/account/get-payment-attention";
import type { OwnAccount } from "@/lib/account/get-own-account";
import { formatCents } from "@/lib/format/money";
import { unfreezeAmountCents } from "@/lib/billing/unfreeze-amount";
import { Money } from "@/components/ui/money";
import { Notice } from "@/components/ui/notice";

/** The address the frozen notice and the frozen email both link to (a GET that answers 303 to Checkout). */
export const UNFREEZE_PATH = "/account/billing/unfreeze";

const topUpLink = (
  <Link href="/account/billing" className="font-semibold text-brand underline hover:text-brand-strong">
    Add credit
  </Link>
);

/** Frozen is not a warning: the apps have stopped. Danger-styled, with the one click that restarts them. */
function FrozenNotice({ account }: { account: OwnAccount }) {
  // Frozen by an operator (lib/account-controls): paying would not restart anything, so no payment is offered.
  if (account.isHeld) {
    return (
      <Notice tone="danger" title="Your apps are frozen by us">
        <p>
          They are read-only, nothing is deleted. A top-up does not lift this freeze: we emailed you why; reply to that email
          and we will look at it with you.
        </p>
      </Notice>
    );
  }
  const cents = unfreezeAmountCents(account);
  return (
    <Notice tone="danger" title="Your apps are frozen">
      <p>
        They are read-only, nothing is deleted, until the balance is above <Money micros={account.floorMicros} />. Your balance is{" "}
        <Money micros={account.balanceMicros} />.
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2">
        {/* A plain link, not next/link: it must never be prefetched, since following it creates a Checkout session. */}
        <a
          href={UNFREEZE_PATH}
          data-testid="unfreeze-link"
          className="inline-flex items-center justify-center rounded-lg bg-danger px-4 py-2 text-sm font-semibold text-paper hover:opacity-90"
        >
          Pay {formatCents(BigInt(cents) * 10_000n)} to unfreeze
        </a>
        <Link href="/account/billing" className="font-semibold text-ink underline hover:text-brand">
          Or choose another amount
        </Link>
      </div>
    </Notice>
  );
}

/** Notices that need the owner: a low or exhausted balance, a freeze, a payment that did not go through. */
export function DashboardNotices({ account, payment }: { account: OwnAccount; payment: PaymentAttention | null }) {
  if (account.closedAt) return null;
  return (
    <div className="space-y-3" data-testid="notices">
      {account.state === "frozen" ? <FrozenNotice account={account} /> : null}
      {account.state === "low" || account.state === "grace" ? (
        <Notice tone="warn" title={account.state === "low" ? "Your balance is low" : "Your credit has run out"}>
          {account.state === "low" ? (
            <>
              It is at or below your <Money micros={account.lowThresholdMicros} /> alert.
            </>
          ) : (
            <>
              Apps run on overdraft down to <Money micros={account.floorMicros} />.
            </>
          )}{" "}
          {topUpLink} to keep your apps running.
        </Notice>
      ) : null}
      {payment?.kind === "auto_recharge_paused" ? (
        <Notice tone="warn" title="Auto-recharge is paused">
          {payment.reason === "authentication_required"
            ? "Your bank asked to confirm the last automatic charge, so nothing was charged."
            : payment.reason === "no_card"
              ? "There is no saved card to charge."
              : payment.reason === "billing_address_missing"
                ? "Tax is worked out from your billing address, and there is none yet, so nothing was charged."
                : "Your card was declined for the last automatic charge, so nothing was charged."}{" "}
          <Link href="/account/billing" className="font-semibold text-brand underline hover:text-brand-strong">
            Pay by hand or resume auto-recharge
          </Link>
          .
        </Notice>
      ) : null}
      {payment?.kind === "failed" ? (
        <Notice tone="warn" title="A payment needs your attention">
          Your top-up of <Money micros={payment.amountMicros} /> did not go through{payment.reason ? ` (${payment.reason})` : ""}. Nothing
          was charged. {topUpLink} with another card.
        </Notice>
      ) : null}
      {payment?.kind === "pending" ? (
        <Notice title="A payment is still settling">
          Your top-up of <Money micros={payment.amountMicros} /> is being processed by your bank; the credit is added once it clears.
        </Notice>
      ) : null}
    </div>
  );
}
