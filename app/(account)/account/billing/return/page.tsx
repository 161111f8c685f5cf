import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CheckoutResult, ReturnLinks } from "@/components/billing/checkout-result";
import { getCurrentSession } from "@/lib/auth/get-current-session";
import { getDb } from "@/lib/db/client";
import { toAppError } from "@/lib/errors";
import { getLogger } from "@/lib/observability/logger";
import { getMetrics } from "@/lib/observability/metrics";
import { getCheckoutReturn } from "@/lib/payments/get-checkout-return";

export const metadata: Metadata = { title: "Payment" };

// Stripe's success_url lands here. Fulfilment is idempotent, so racing the webhook is safe.
export default async function CheckoutReturnPage({ searchParams }: { searchParams: Promise<{ session_id?: string }> }) {
  const session = await getCurrentSession();
  if (!session) redirect("/sign-in");
  const { session_id: sessionId } = await searchParams;
  const outcome = await getCheckoutReturn(getDb(), { userId: session.user.id, sessionId }).then(
    (result) => ({ result }),
    (thrown: unknown) => {
      const error = toAppError(thrown);
      if (error.kind === "system") {
        getMetrics().systemErrors.inc({ code: error.code });
        getLogger().error({ err: error.cause ?? error, code: error.code, page: "/account/billing/return" }, "checkout return failed");
      }
      return { error };
    },
  );
  return (
    <div className="mx-auto w-full max-w-xl px-4 py-12 sm:px-6 sm:py-16">
      {"result" in outcome ? (
        <CheckoutResult result={outcome.result} />
      ) : (
        <section aria-labelledby="result-heading" className="rounded-2xl border border-line bg-paper p-6 sm:p-8">
          <h1 id="result-heading" className="text-2xl font-bold tracking-tight">
            {outcome.error.code === "not_found" ? "Payment not found" : "We could not confirm your payment yet"}
          </h1>
          <p role="alert" className="mt-2 text-ink-soft">
            {outcome.error.code === "not_found"
              ? "We found no payment with this link on your account. If you paid, your credit appears on the billing page within a minute."
              : "Your payment is safe: if it went through, the credit is added automatically within a minute. Refresh this page to check again."}
          </p>
          <ReturnLinks />
        </section>
      )}
    </div>
  );
}

