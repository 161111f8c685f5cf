"use client";

import { useLayoutEffect, useRef, useState } from "react";
import { estimateMonthlyCost, type MonthlyUsage, type PublicRateCard, type UsageField } from "@/lib/pricing/estimate";
import { formatMonthly } from "@/lib/pricing/format-price";
import { parseUsageInput, USAGE_FIELDS } from "@/lib/pricing/usage-fields";
import { CostByResource } from "./cost-by-resource";

export type PricingCalculatorProps = {
  card: PublicRateCard;
  initial: Record<UsageField, string>;
  /** Prefix of the element ids; one calculator per page, and the same on the server and in the browser. */
  idPrefix?: string;
};

/** What the form's inputs hold now. */
function readInputs(form: HTMLFormElement): Record<UsageField, string> {
  return Object.fromEntries(
    USAGE_FIELDS.map(({ field }) => [field, (form.elements.namedItem(field) as HTMLInputElement).value]),
  ) as Record<UsageField, string>;
}

/**
 * Estimates a month on `card` as the inputs change, with the arithmetic billing uses (exact bigint).
 * Server-rendered with `initial`; in the browser it hydrates when the visitor reaches it
 * (islands/pricing-calculator.ts), and adopts anything typed into the inputs before or while that happens.
 *
 * The inputs are uncontrolled and every change reads all of them: React never writes a value back, so
 * nothing a visitor typed can be reset by a render that started from older state (a key pressed while
 * React hydrates used to reset the other inputs to the server's values), and the last update always
 * holds what the inputs hold.
 */
export function PricingCalculator({ card, initial, idPrefix = "calculator" }: PricingCalculatorProps) {
  const [inputs, setInputs] = useState(initial);
  const formRef = useRef<HTMLFormElement>(null);
  const id = idPrefix;
  // Before the browser paints the hydrated calculator and before any later event: the total never
  // shows the server's figures for inputs that say otherwise.
  useLayoutEffect(() => {
    if (formRef.current) setInputs(readInputs(formRef.current));
  }, []);
  const parsed = Object.fromEntries(USAGE_FIELDS.map(({ field }) => [field, parseUsageInput(inputs[field])])) as Record<
    UsageField,
    bigint | undefined
  >;
  const isValid = USAGE_FIELDS.every(({ field }) => parsed[field] !== undefined);
  const estimate = isValid ? estimateMonthlyCost(card, parsed as MonthlyUsage) : undefined;

  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
      <form
        ref={formRef}
        className="grid gap-4 sm:grid-cols-2"
        onSubmit={(event) => event.preventDefault()}
        onInput={(event) => setInputs(readInputs(event.currentTarget))}
        aria-label="Your app's usage"
      >
        {USAGE_FIELDS.map(({ field, label, unit }) => {
          const isBad = parsed[field] === undefined;
          return (
            <div key={field}>
              <label htmlFor={`${id}-${field}`} className="block text-sm font-semibold">
                {label} <span className="text-ink-soft font-normal">({unit})</span>
              </label>
              <input
                id={`${id}-${field}`}
                name={field}
                inputMode="numeric"
                autoComplete="off"
                defaultValue={initial[field]}
                aria-invalid={isBad}
                aria-describedby={isBad ? `${id}-${field}-error` : undefined}
                className="border-line bg-paper aria-invalid:border-danger mt-1.5 w-full rounded-lg border px-3 py-2 font-mono text-sm"
              />
              {isBad ? (
                <p id={`${id}-${field}-error`} className="text-danger mt-1 text-xs">
                  Enter a whole number, up to 12 digits.
                </p>
              ) : null}
            </div>
          );
        })}
      </form>
      <section
        aria-labelledby={`${id}-result`}
        className="border-line bg-paper h-fit rounded-2xl border p-6 lg:sticky lg:top-6"
      >
        <h3 id={`${id}-result`} className="text-ink-soft text-sm font-semibold">
          Estimated month (rate card v{card.version})
        </h3>
        <p className="mt-1 text-4xl font-bold tracking-tight" aria-live="polite" data-testid="calculator-total">
          {estimate ? formatMonthly(estimate.totalMicros) : "–"}
        </p>
        {estimate ? (
          <CostByResource lines={estimate.lines} caption="Cost by resource" className="mt-5 w-full text-sm" cellPadding="py-1.5" />
        ) : (
          <p className="text-danger mt-4 text-sm">Fix the highlighted inputs to see an estimate.</p>
        )}
        <p className="text-ink-soft mt-4 text-xs leading-5">
          A 730-hour month. Levels (memory, connections, documents, storage) are billed for every hour they are held.
        </p>
      </section>
    </div>
  );
}
