"use client";

import { useLayoutEffect, useRef, useState } from "react";
import { fillInputs, PRESET_ATTRIBUTE } from "@/islands/fill-inputs";
import { Money } from "@/components/ui/money";
import { PROFILE_FIELDS, profileToUsage, type ProfileField } from "@/lib/pricing/app-profile";
import { estimateMonthlyCost, type PublicRateCard } from "@/lib/pricing/estimate";
import { formatPublished } from "@/lib/pricing/format-price";
import { inputsToProfile, parseUsageInput } from "@/lib/pricing/usage-fields";
import { CostByResource } from "./cost-by-resource";

export type CalculatorInputs = Record<ProfileField, string>;

export type PricingCalculatorProps = {
  card: PublicRateCard;
  /** The next card, once operators have scheduled one: the same month priced on it, with its date. */
  upcoming?: PublicRateCard | null;
  /** The example apps, each one click away. */
  presets: Array<{ id: string; name: string; inputs: CalculatorInputs }>;
  initial: CalculatorInputs;
  /** Prefix of the element ids; one calculator per page, and the same on the server and in the browser. */
  idPrefix?: string;
};

/** What the form's inputs hold now. */
function readInputs(form: HTMLFormElement): CalculatorInputs {
  return Object.fromEntries(
    PROFILE_FIELDS.map(({ field }) => [field, (form.elements.namedItem(field) as HTMLInputElement).value]),
  ) as CalculatorInputs;
}

function isSameProfile(a: CalculatorInputs, b: CalculatorInputs): boolean {
  return PROFILE_FIELDS.every(({ field }) => parseUsageInput(a[field]) === parseUsageInput(b[field]));
}

/**
 * Estimates a month on `card` from what a developer knows about their app (peak concurrent users,
 * messages per user per day, ...), showing beneath each input the metered quantity it becomes, priced
 * with the arithmetic billing uses (exact bigint). Server-rendered with `initial`; in the browser it
 * hydrates when the visitor reaches it (islands/pricing-calculator.ts), and adopts anything typed, or
 * any preset clicked, before or while that happens.
 *
 * The inputs are uncontrolled and every change reads all of them: React never writes a value back, so
 * nothing a visitor typed can be reset by a render that started from older state, and the last update
 * always holds what the inputs hold. A preset writes the inputs and reads them back the same way.
 */
export function PricingCalculator({ card, upcoming, presets, initial, idPrefix = "calculator" }: PricingCalculatorProps) {
  const [inputs, setInputs] = useState(initial);
  const formRef = useRef<HTMLFormElement>(null);
  const id = idPrefix;
  // Before the browser paints the hydrated calculator and before any later event: the total never
  // shows the server's figures for inputs that say otherwise.
  useLayoutEffect(() => {
    if (formRef.current) setInputs(readInputs(formRef.current));
  }, []);
  const profile = inputsToProfile(inputs);
  const usage = profile ? profileToUsage(profile) : undefined;
  const estimate = usage ? estimateMonthlyCost(card, usage) : undefined;
  const upcomingEstimate = usage && upcoming ? estimateMonthlyCost(upcoming, usage) : undefined;
  const applyPreset = (values: CalculatorInputs) => {
    if (!formRef.current) return;
    fillInputs(formRef.current, values);
    setInputs(readInputs(formRef.current));
  };

  return (
    <div className="grid gap-x-8 gap-y-6 lg:grid-cols-[1fr_22rem]">
      <div>
        <div role="group" aria-labelledby={`${id}-presets`}>
          <p id={`${id}-presets`} className="text-sm font-semibold">
            Start from an example
          </p>
          <div className="mt-2 flex flex-wrap gap-2">
            {presets.map((preset) => (
              <button
                key={preset.id}
                type="button"
                {...{ [PRESET_ATTRIBUTE]: JSON.stringify(preset.inputs) }}
                aria-pressed={isSameProfile(inputs, preset.inputs)}
                onClick={() => applyPreset(preset.inputs)}
                className="border-line bg-paper hover:border-brand aria-pressed:border-brand aria-pressed:bg-brand-soft rounded-full border px-4 py-2 text-sm font-semibold"
              >
                {preset.name}
              </button>
            ))}
          </div>
        </div>
        <form
          ref={formRef}
          className="mt-6 grid gap-5 sm:grid-cols-2"
          onSubmit={(event) => event.preventDefault()}
          onInput={(event) => setInputs(readInputs(event.currentTarget))}
          aria-label="Your app's usage"
        >
          {PROFILE_FIELDS.map(({ field, label, hint, metric }) => {
            const isBad = parseUsageInput(inputs[field]) === undefined;
            return (
              <div key={field}>
                <label htmlFor={`${id}-${field}`} className="block text-sm font-semibold">
                  {label}
                </label>
                <p id={`${id}-${field}-hint`} className="text-ink-soft mt-0.5 text-xs leading-5 sm:min-h-10">
                  {hint}
                </p>
                <input
                  id={`${id}-${field}`}
                  name={field}
                  inputMode="numeric"
                  autoComplete="off"
                  defaultValue={initial[field]}
                  aria-invalid={isBad}
                  aria-describedby={`${id}-${field}-hint ${id}-${field}-metric`}
                  className="border-line bg-paper aria-invalid:border-danger mt-1.5 w-full rounded-lg border px-3 py-2 font-mono text-sm"
                />
                {/* The metered quantity this input becomes: what the price list's units apply to. */}
                <p
                  id={`${id}-${field}-metric`}
                  data-testid={`metric-${field}`}
                  className={`mt-1 text-xs ${isBad ? "text-danger" : "text-ink-soft font-mono"}`}
                >
                  {isBad
                    ? "Enter a whole number, up to 12 digits."
                    : usage && profile
                      ? `= ${metric(usage, profile)}`
                      : "= waiting for the other inputs"}
                </p>
              </div>
            );
          })}
        </form>
      </div>
      {/* On a phone the breakdown comes after every input: the total rides along at the bottom of the
          screen while the inputs are in view, and settles here, above the breakdown, after them. */}
      <div
        className="border-line bg-paper sticky bottom-0 z-10 -mx-4 flex items-baseline justify-between gap-4 border-t px-4 py-3 shadow-[0_-4px_12px_rgb(0_0_0/0.08)] sm:-mx-6 sm:px-6 lg:hidden"
        data-testid="calculator-sticky-total"
      >
        <span className="text-ink-soft text-sm font-semibold">Estimated month</span>
        <span className="text-2xl font-bold tracking-tight">
          {estimate ? <Money micros={estimate.totalMicros} /> : "–"}
        </span>
      </div>
      <section
        aria-labelledby={`${id}-result`}
        className="border-line bg-paper h-fit rounded-2xl border p-6 lg:sticky lg:top-6"
      >
        <h3 id={`${id}-result`} className="text-ink-soft text-sm font-semibold">
          Estimated month (rate card v{card.version})
        </h3>
        <p className="mt-1 text-4xl font-bold tracking-tight" aria-live="polite" data-testid="calculator-total">
          {estimate ? <Money micros={estimate.totalMicros} /> : "–"}
        </p>
        {upcoming && upcomingEstimate ? (
          <p className="text-ink-soft mt-1 text-sm" aria-live="polite" data-testid="calculator-upcoming">
            {`From ${formatPublished(upcoming.effectiveFrom)}: `}
            <Money micros={upcomingEstimate.totalMicros} className="text-ink font-semibold tabular-nums" />
            {` a month (rate card v${upcoming.version})`}
          </p>
        ) : null}
        {estimate ? (
          <CostByResource
            lines={estimate.lines}
            caption="Cost by resource"
            className="mt-5 w-full text-sm"
            cellPadding="py-1.5"
          />
        ) : (
          <p className="text-danger mt-4 text-sm">Fix the highlighted inputs to see an estimate.</p>
        )}
        <p className="text-ink-soft mt-4 text-xs leading-5">
          A 730-hour month, priced to the micro-dollar. Levels (connections, documents, memory, storage) are taken at
          the peak for every hour, so a quieter month costs less.
        </p>
      </section>
    </div>
  );
}
