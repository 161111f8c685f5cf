import Link from "next/link";
import type { ReactNode } from "react";
import { Fact } from "@/components/ui/fact";
import { Money } from "@/components/ui/money";
import { formatCents } from "@/lib/format/money";
import type { PageMessage } from "@/lib/actions/to-page-message";
import type { FulfilmentResult } from "@/lib/payments/fulfill-checkout";

type View = { tone: "success" | "wait" | "problem"; title: string; body: string };

function viewOf(result: FulfilmentResult): View {
  const amount = formatCents(result.amountMicros);
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
    <ResultCard
      badge={
        <span aria-hidden="true" className={`flex h-10 w-10 items-center justify-center rounded-full text-lg font-bold ${tone.badge}`}>
          {tone.icon}
        </span>
      }
      title={view.title}
      body={view.body}
      role="status"
    >
      <dl className="mt-6 grid gap-4 border-t border-line pt-4 text-sm sm:grid-cols-2">
        <Fact term={result.status === "paid" ? "Credited" : "Amount"} className="mt-0.5 text-lg font-semibold tabular-nums" testId="credited">
          <Money micros={result.amountMicros} plusSign={result.status === "paid"} />
        </Fact>
        <Fact term="Balance now" className="mt-0.5 text-lg font-semibold tabular-nums" testId="balance">
          <Money micros={result.balanceMicros} />
        </Fact>
      </dl>
    </ResultCard>
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
  // An alert, not a status: the person is told their payment could not be confirmed.
  return <ResultCard title={view.title} body={view.body} role="alert" />;
}

/** The frame of both return pages: an optional badge, the heading, what happened, figures, the way back. */
function ResultCard({ badge, title, body, role, children }: { badge?: ReactNode; title: string; body: string; role: "status" | "alert"; children?: ReactNode }) {
  return (
    <section aria-labelledby="result-heading" className="rounded-2xl border border-line bg-paper p-6 sm:p-8">
      {badge}
      <h1 id="result-heading" className={badge ? "mt-4 text-2xl font-bold tracking-tight" : "text-2xl font-bold tracking-tight"}>
        {title}
      </h1>
      <p className="mt-2 text-ink-soft" role={role}>
        {body}
      </p>
      {children}
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
