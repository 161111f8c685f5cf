import Link from "next/link";
import { formatMicros } from "@/lib/billing/rate-units";
import type { PageMessage } from "@/lib/actions/to-page-message";
import type { FulfilmentResult } from "@/lib/payments/fulfill-checkout";

type View = { tone: "success" | "wait" | "problem"; title: string; body: string };

function viewOf(result: FulfilmentResult): View {
  const amount = formatMicros(result.amountMicros);
  switch (result.status) {
    case "paid":
      return { tone: "success", title: "Payment received", body: `${amount} was added to your prepaid balance. A receipt is on its way to your inbox.` };
    case "processing":
      return { tone: "wait", title: "Payment processing", body: `Your bank payment of ${amount} is on its way. We add the credit as soon as it clears and email you.` };
    case "failed":
      return { tone: "problem", title: "Payment failed", body: `The ${amount} payment did not go through, so nothing was added. Try again with another card.` };
    case "expired":
      return { tone: "problem", title: "Checkout expired", body: "This checkout expired before it was paid. Nothing was charged." };
    case "open":
      return { tone: "wait", title: "Payment not finished", body: "This checkout has not been paid yet. Nothing was charged." };
  }
}

const tones = {
  success: { badge: "bg-accent/10 text-accent", icon: "✓" },
  wait: { badge: "bg-warn/10 text-warn", icon: "…" },
  problem: { badge: "bg-danger/10 text-danger", icon: "!" },
} as const;

/** The outcome of a Checkout session for the person who paid it, with their balance after it. */
export function CheckoutResult({ result }: { result: FulfilmentResult }) {
  const view = viewOf(result);
  const tone = tones[view.tone];
  return (
    <section aria-labelledby="result-heading" className="rounded-2xl border border-line bg-paper p-6 sm:p-8">
      <span aria-hidden="true" className={`flex h-10 w-10 items-center justify-center rounded-full text-lg font-bold ${tone.badge}`}>
        {tone.icon}
      </span>
      <h1 id="result-heading" className="mt-4 text-2xl font-bold tracking-tight">
        {view.title}
      </h1>
      <p className="mt-2 text-ink-soft" role="status">
        {view.body}
      </p>
      <dl className="mt-6 grid gap-4 border-t border-line pt-4 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-ink-soft">{result.status === "paid" ? "Credited" : "Amount"}</dt>
          <dd className="mt-0.5 text-lg font-semibold tabular-nums" data-testid="credited">
            {result.status === "paid" ? `+${formatMicros(result.amountMicros)}` : formatMicros(result.amountMicros)}
          </dd>
        </div>
        <div>
          <dt className="text-ink-soft">Balance now</dt>
          <dd className="mt-0.5 text-lg font-semibold tabular-nums" data-testid="balance">
            {formatMicros(result.balanceMicros)}
          </dd>
        </div>
      </dl>
      <ReturnLinks />
    </section>
  );
}

// Worded for someone just back from paying: better here than the error table's generic messages. Any
// other failure (Stripe or the database not answering) gets the reassurance, never the raw message.
const problems = {
  not_found: {
    title: "Payment not found",
    body: "We found no payment with this link on your account. If you paid, your credit appears on the billing page within a minute.",
  },
  other: {
    title: "We could not confirm your payment yet",
    body: "Your payment is safe: if it went through, the credit is added automatically within a minute. Refresh this page to check again.",
  },
} as const;

/** The return page when the Checkout session could not be read (toPageMessage has counted and logged it). */
export function CheckoutProblem({ problem }: { problem: PageMessage }) {
  const view = problem.code === "not_found" ? problems.not_found : problems.other;
  return (
    <section aria-labelledby="result-heading" className="rounded-2xl border border-line bg-paper p-6 sm:p-8">
      <h1 id="result-heading" className="text-2xl font-bold tracking-tight">
        {view.title}
      </h1>
      <p role="alert" className="mt-2 text-ink-soft">
        {view.body}
      </p>
      <ReturnLinks />
    </section>
  );
}

function ReturnLinks() {
  return (
    <div className="mt-6 flex flex-col gap-3 sm:flex-row">
      <Link href="/account/billing" className="rounded-lg bg-brand px-4 py-2 text-center text-sm font-semibold text-on-brand hover:bg-brand-strong">
        Back to billing
      </Link>
      <Link href="/account" className="rounded-lg border border-line px-4 py-2 text-center text-sm font-semibold hover:border-brand hover:text-brand">
        Your account
      </Link>
    </div>
  );
}
