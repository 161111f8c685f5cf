import Link from "next/link";
import { CALCULATOR_ISLAND_ID } from "@/islands/island-ids";
import { CtaLinks } from "@/components/marketing/cta-links";
import { ExampleAppCosts } from "@/components/marketing/example-app-costs";
import { PageIntro } from "@/components/marketing/page-intro";
import { PricingCalculator, type PricingCalculatorProps } from "@/components/marketing/pricing-calculator";
import { RateTable } from "@/components/marketing/rate-table";
import { EXAMPLE_APPS } from "@/lib/pricing/example-apps";
import { describeCardDates, formatEffective } from "@/lib/pricing/format-price";
import type { PublicRateCard } from "@/lib/pricing/estimate";
import { profileToInputs } from "@/lib/pricing/usage-fields";

type Props = {
  current: PublicRateCard;
  upcoming: PublicRateCard | null;
  /** The calculator island's module (lib/islands), which hydrates it when a visitor gets near. */
  calculatorScript: string;
};

/** The pricing page's content (pages/pricing.tsx): the card in force, an upcoming one, examples, the calculator. */
export function PricingContent({ current, upcoming, calculatorScript }: Props) {
  const presets = EXAMPLE_APPS.map((app) => ({ id: app.id, name: app.name, inputs: profileToInputs(app.profile) }));
  const calculator: PricingCalculatorProps = { card: current, upcoming, presets, initial: presets[0]!.inputs };
  return (
    <div className="mx-auto max-w-6xl px-4 py-14 sm:px-6 sm:py-20">
      <PageIntro eyebrow="Pricing" title="Pay for what your app uses, by the hour.">
        <p>
          No plans, seats or minimums. Each space is metered every hour and charged from prepaid credit at these prices.
          New accounts start with $5 of credit.
        </p>
      </PageIntro>

      {upcoming ? (
        <aside
          aria-labelledby="upcoming"
          className="border-brand bg-brand-soft mt-10 rounded-xl border p-5"
          data-testid="upcoming-card"
        >
          <h2 id="upcoming" className="font-semibold">
            {`New prices from ${formatEffective(upcoming.effectiveFrom)}`}
          </h2>
          <p className="text-ink-soft mt-1 text-sm">
            {`Rate card v${upcoming.version} takes effect then.`} Usage before it is charged at today&apos;s prices;
            nothing is repriced.
          </p>
        </aside>
      ) : null}

      <section aria-labelledby="rates" className="mt-14">
        <h2 id="rates" className="text-2xl font-bold tracking-tight">
          Prices
        </h2>
        <p className="text-ink-soft mt-2 text-sm">
          <span data-testid="rate-card-dates">{describeCardDates(current)}</span> Prices in US dollars.
        </p>
        {/* True whether STRIPE_AUTOMATIC_TAX is on or off: with it off, no tax applies at checkout. */}
        <p className="text-ink-soft mt-1 text-sm" data-testid="tax-note">
          Prices exclude tax. Where tax applies, it is added on top of the credit you buy at checkout and shown on your invoice.
        </p>
        <div className="mt-6">
          <RateTable card={current} caption={`Rate card version ${current.version}`} />
        </div>
        {upcoming ? (
          <div className="mt-10">
            <h3 className="text-lg font-semibold">
              {`From ${formatEffective(upcoming.effectiveFrom)} (v${upcoming.version})`}
            </h3>
            <div className="mt-4">
              <RateTable
                card={upcoming}
                previous={current}
                caption={`Rate card version ${upcoming.version}, upcoming`}
              />
            </div>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="examples" className="mt-16">
        <h2 id="examples" className="text-2xl font-bold tracking-tight">
          What apps cost
        </h2>
        <p className="text-ink-soft mt-2 text-sm">Typical months, priced on the card in force.</p>
        <div className="mt-6">
          <ExampleAppCosts card={current} />
        </div>
      </section>

      <section aria-labelledby="calculator" className="mt-16">
        <h2 id="calculator" className="text-2xl font-bold tracking-tight">
          Estimate your app
        </h2>
        <p className="text-ink-soft mt-2 mb-6 text-sm">
          Describe your app in numbers you know; each becomes the metered quantity shown beneath it, priced with the
          arithmetic that bills your usage. Start from an example and change anything.
        </p>
        <div id={CALCULATOR_ISLAND_ID} data-props={JSON.stringify(calculator)}>
          <PricingCalculator {...calculator} />
        </div>
        {/* A module script runs after the document is parsed (`defer` is its default, spelled out for the linter). */}
        <script type="module" defer src={calculatorScript} />
      </section>

      <section aria-labelledby="safety" className="border-line bg-paper-soft mt-16 rounded-2xl border p-6 sm:p-8">
        <h2 id="safety" className="text-xl font-bold tracking-tight">
          Your worst case is a paused app, not a bill
        </h2>
        <p className="text-ink-soft mt-2 max-w-3xl">
          Usage draws down credit you added in advance. When it runs out, spaces go read-only at a -$5 floor until you
          top up; nothing is deleted. Read{" "}
          <Link href="/blog/how-billing-works" className="text-brand font-semibold underline underline-offset-4">
            how billing works
          </Link>
          .
        </p>
        <div className="mt-6">
          <CtaLinks />
        </div>
      </section>
    </div>
  );
}
