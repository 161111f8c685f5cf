import type { Metadata } from "next";
import { CheckoutProblem, CheckoutResult } from "@/components/billing/checkout-result";
import { toPageMessage } from "@/lib/actions/to-page-message";
import { getCheckoutReturn } from "@/lib/payments/get-checkout-return";
import { requireAccountPage } from "../../require-account-page";

export const metadata: Metadata = { title: "Payment" };

// Stripe's success_url lands here. Fulfilment is idempotent, so racing the webhook is safe.
export default async function CheckoutReturnPage({ searchParams }: { searchParams: Promise<{ session_id?: string }> }) {
  const { session, db } = await requireAccountPage();
  const { session_id: sessionId } = await searchParams;
  const outcome = await getCheckoutReturn(db, { userId: session.user.id, sessionId }).then(
    (result) => ({ result }),
    (thrown: unknown) => ({ problem: toPageMessage(thrown, { page: "/account/billing/return" }) }),
  );
  return (
    <div className="mx-auto w-full max-w-xl px-4 py-12 sm:px-6 sm:py-16">
      {"result" in outcome ? <CheckoutResult result={outcome.result} /> : <CheckoutProblem problem={outcome.problem} />}
    </div>
  );
}
