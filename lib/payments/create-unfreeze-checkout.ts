import "server-only";
import type { Database } from "@/lib/db/client";
import { findBillingAccount } from "@/lib/billing/find-billing-account";
import { AppError } from "@/lib/errors";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";
import { createCheckoutForOwner } from "./create-top-up-checkout";
import { unfreezeAmountCents } from "@/lib/billing/unfreeze-amount";

/**
 * A GET link (the frozen notice, the frozen email) creates these sessions, so it is bounded per account:
 * a link clicked again, a reload, or a prefetch all count. Nothing is charged by a session alone.
 */
export const UNFREEZE_CHECKOUT_LIMIT = { limit: 10, windowSeconds: 600 } as const;

export type UnfreezeCheckout = { kind: "checkout"; url: string; amountCents: number } | { kind: "not_frozen" };

const HOUR_MS = 3_600_000;

/**
 * The one-click "Pay $X to unfreeze": a hosted Checkout session for the signed-in owner's frozen account,
 * for unfreezeAmountCents of its balance now. It changes nothing else: no standing, no ledger, no
 * setting (the top-up is credited only when the person pays, by the usual fulfilment). An account that
 * is not frozen gets no session. Repeats within the hour for the same balance reuse one session (the
 * Stripe Idempotency-Key), so clicking twice opens the same page rather than a second payment.
 */
export async function createUnfreezeCheckout(db: Database, options: { userId: string; now?: Date }): Promise<UnfreezeCheckout> {
  const account = await findBillingAccount(db, { userId: options.userId });
  if (!account) throw new AppError("not_found", { message: "This sign-in has no billing account." });
  if (account.closedAt) throw new AppError("conflict", { message: "This account is closed: it cannot be topped up." });
  await consumeRateLimit(db, { bucket: `unfreeze:account:${account.accountId}`, ...UNFREEZE_CHECKOUT_LIMIT, now: options.now });
  if (account.state !== "frozen") return { kind: "not_frozen" };
  const amountCents = unfreezeAmountCents(account);
  const hour = Math.floor((options.now ?? new Date()).getTime() / HOUR_MS);
  const url = await createCheckoutForOwner(
    db,
    { accountId: account.accountId, ledgerAccountId: account.ledgerAccountId, email: account.ownerEmail ?? "" },
    {
      amountCents,
      idempotencyKey: `unfreeze:${account.accountId}:${hour}:${account.balanceMicros}:${amountCents}`,
      saveCard: false,
      purpose: "top_up",
    },
  );
  return { kind: "checkout", url, amountCents };
}
