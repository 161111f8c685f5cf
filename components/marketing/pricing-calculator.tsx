"use client";

import { useId, useState } from "react";
import { estimateMonthlyCost, type MonthlyUsage, type PublicRateCard, type UsageField } from "@/lib/pricing/estimate";
import { formatMonthly } from "@/lib/pricing/format-price";
import { RESOURCE_COPY } from "@/lib/pricing/resource-copy";
import { parseUsageInput, USAGE_FIELDS } from "@/lib/pricing/usage-fields";

type Props = { card: PublicRateCard; initial: Record<UsageField, string> };

/** Estimates a month on `card` as the inputs change, with the arithmetic billing uses (exact bigint). */
export function PricingCalculator({ card, initial }: Props) {
  const [inputs, setInputs] = useState(initial);
  const id = useId();
  const parsed = Object.fromEntries(USAGE_FIELDS.map(({ field }) => [field, parseUsageInput(inputs[field])])) as Record<UsageField, bigint | undefined>;
  const isValid = USAGE_FIELDS.every(({ field }) => parsed[field] !== undefined);
  const estimate = isValid ? estimateMonthlyCost(card, parsed as MonthlyUsage) : undefined;

  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
      <form className="grid gap-4 sm:grid-cols-2" onSubmit={(event) => event.preventDefault()} aria-label="Your app's usage">
        {USAGE_FIELDS.map(({ field, label, unit }) => {
          const isBad = parsed[field] === undefined;
          return (
            <div key={field}>
              <label htmlFor={`${id}-${field}`} className="block text-sm font-semibold">
                {label} <span className="font-normal text-ink-soft">({unit})</span>
              </label>
              <input
                id={`${id}-${field}`}
                name={field}
                inputMode="numeric"
                autoComplete="off"
                value={inputs[field]}
                aria-invalid={isBad}
                aria-describedby={isBad ? `${id}-${field}-error` : undefined}
                onChange={(event) => setInputs({ ...inputs, [field]: event.target.value })}
                className="mt-1.5 w-full rounded-lg border border-line bg-paper px-3 py-2 font-mono text-sm aria-invalid:border-danger"
              />
              {isBad ? (
                <p id={`${id}-${field}-error`} className="mt-1 text-xs text-danger">
                  Enter a whole number, up to 12 digits.
                </p>
              ) : null}
            </div>
          );
        })}
      </form>
      <section aria-labelledby={`${id}-result`} className="h-fit rounded-2xl border border-line bg-paper p-6 lg:sticky lg:top-6">
        <h3 id={`${id}-result`} className="text-sm font-semibold text-ink-soft">
          Estimated month (rate card v{card.version})
        </h3>
        <p className="mt-1 text-4xl font-bold tracking-tight" aria-live="polite" data-testid="calculator-total">
          {estimate ? formatMonthly(estimate.totalMicros) : "–"}
        </p>
        {estimate ? (
          <table className="mt-5 w-full text-sm">
            <caption className="sr-only">Cost by resource</caption>
            <tbody>
              {estimate.lines.map((line) => (
                <tr key={line.resource} className="border-t border-line">
                  <th scope="row" className="py-1.5 text-left font-normal text-ink-soft">
                    {RESOURCE_COPY[line.resource].name}
                  </th>
                  <td className="py-1.5 text-right font-mono">{formatMonthly(line.micros)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="mt-4 text-sm text-danger">Fix the highlighted inputs to see an estimate.</p>
        )}
        <p className="mt-4 text-xs leading-5 text-ink-soft">A 730-hour month. Levels (memory, connections, documents, storage) are billed for every hour they are held.</p>
      </section>
    </div>
  );
}
