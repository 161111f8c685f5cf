"use client";

import { useActionState, useState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleActionState, type FormAction } from "@/lib/actions/action-state";
import { TOP_UP_PRESETS_USD } from "@/lib/payments/top-up-limits";

const choiceClass =
  "flex cursor-pointer items-center justify-center rounded-lg border border-line bg-paper px-3 py-3 text-base font-semibold tabular-nums " +
  "hover:border-brand has-[:checked]:border-brand has-[:checked]:bg-brand-soft has-[:checked]:text-brand has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand/40";

/** Amount choice and "Continue to payment"; the server action validates the amount and redirects to Checkout. */
export function TopUpForm({ action, attemptId }: { action: FormAction; attemptId: string }) {
  const [state, formAction, isPending] = useActionState(action, idleActionState);
  // Controlled, so the choice survives an error answer (React resets uncontrolled fields after an action).
  const [preset, setPreset] = useState("25");
  const [customAmount, setCustomAmount] = useState("");
  const [saveCard, setSaveCard] = useState(false);
  const error = state.status === "error" ? state : undefined;
  const customError = error?.fieldErrors?.customAmount;
  return (
    <form action={formAction} className="space-y-5">
      <input type="hidden" name="attemptId" value={attemptId} />
      <fieldset>
        <legend className="text-sm font-medium">Amount</legend>
        <div className="mt-2 grid grid-cols-2 gap-3 sm:grid-cols-4">
          {TOP_UP_PRESETS_USD.map((dollars) => (
            <label key={dollars} className={choiceClass}>
              <input
                type="radio"
                name="preset"
                value={String(dollars)}
                checked={preset === String(dollars)}
                onChange={() => setPreset(String(dollars))}
                className="sr-only"
              />
              ${dollars}
            </label>
          ))}
        </div>
        <div className="mt-3 flex items-center gap-3 rounded-lg border border-line bg-paper px-3 py-2 has-[:checked]:border-brand">
          <input
            id="preset-custom"
            type="radio"
            name="preset"
            value="custom"
            checked={preset === "custom"}
            onChange={() => setPreset("custom")}
            className="h-4 w-4 accent-brand"
          />
          <label htmlFor="preset-custom" className="text-sm font-medium whitespace-nowrap">
            Other amount
          </label>
          <div className="relative ml-auto w-36">
            <span aria-hidden="true" className="pointer-events-none absolute inset-y-0 left-3 flex items-center text-ink-soft">
              $
            </span>
            <input
              id="custom-amount"
              name="customAmount"
              inputMode="decimal"
              autoComplete="off"
              aria-label="Other amount in US dollars"
              aria-invalid={customError ? true : undefined}
              aria-describedby="custom-amount-help"
              placeholder="5 – 1,000"
              value={customAmount}
              onFocus={() => setPreset("custom")}
              onChange={(event) => setCustomAmount(event.target.value)}
              className="block w-full rounded-md border border-line bg-paper py-1.5 pr-3 pl-7 text-base tabular-nums placeholder:text-ink-soft/70 focus:border-brand focus:ring-2 focus:ring-brand/25 focus:outline-none"
            />
          </div>
        </div>
        <p id="custom-amount-help" className="mt-2 text-xs text-ink-soft">
          Any amount from $5 to $1,000. Credit never expires.
        </p>
      </fieldset>
      <label className="flex items-center gap-3 text-sm">
        <input type="checkbox" name="saveCard" value="on" checked={saveCard} onChange={(event) => setSaveCard(event.target.checked)} className="h-4 w-4 accent-brand" />
        Save this card for auto-recharge
      </label>
      <FormMessage state={state} />
      <SubmitButton label="Continue to payment" pendingLabel="Opening secure checkout…" isPending={isPending} className="w-full sm:w-auto sm:px-6" />
      <p className="text-xs text-ink-soft">You pay on Stripe&rsquo;s secure page; we never see your card number.</p>
    </form>
  );
}
