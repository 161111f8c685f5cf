"use client";

import { useActionState } from "react";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFieldValues } from "@/components/ui/use-field-values";
import { idleActionState, type FormAction } from "@/lib/actions/action-state";

export type RateDraftField = { name: string; label: string; hint: string; value: string };

/**
 * A draft's name and every resource's price, typed as dollars per the unit shown (read exactly on the
 * server: lib/rate-drafts/parse-price.ts). Text inputs, not type=number: a number input hands the
 * server whatever the browser's float made of the digits, and drops what it cannot parse.
 */
export function RateDraftForm({
  action,
  draftId,
  name,
  prices,
}: {
  action: FormAction;
  draftId: string;
  name: string;
  prices: RateDraftField[];
}) {
  const [state, formAction, isPending] = useActionState(action, idleActionState);
  const { bind } = useFieldValues<string>({
    name,
    ...Object.fromEntries(prices.map((price) => [price.name, price.value])),
  });
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="space-y-5" noValidate aria-label="Draft prices">
      <input type="hidden" name="draftId" value={draftId} />
      <FormField name="name" label="Name" error={errors.name} {...bind("name")} />
      <div className="grid gap-5 sm:grid-cols-2">
        {prices.map((price) => (
          <FormField
            key={price.name}
            name={price.name}
            label={price.label}
            hint={price.hint}
            inputMode="decimal"
            autoComplete="off"
            className="font-mono"
            error={errors[price.name]}
            {...bind(price.name)}
          />
        ))}
      </div>
      {state.status === "success" || (state.status === "error" && !state.fieldErrors) ? (
        <FormMessage state={state} />
      ) : null}
      <SubmitButton label="Save draft" pendingLabel="Saving…" isPending={isPending} className="w-full sm:w-auto" />
    </form>
  );
}
