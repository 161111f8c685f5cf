"use client";

import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormClearedOnSuccess } from "@/components/ui/use-form-cleared-on-success";
import type { FormAction } from "@/lib/actions/action-state";

/** Adds one billing contact; the address is cleared once its confirmation link is on its way. */
export function BillingContactForm({ action }: { action: FormAction }) {
  const { state, formAction, isPending, bind, errors } = useFormClearedOnSuccess(action, { email: "" });
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormField
        name="email"
        label="Email address"
        type="email"
        autoComplete="off"
        placeholder="finance@example.com"
        maxLength={254}
        required
        hint="For example your bookkeeper: receipts and alerts, nothing else."
        error={errors.email}
        {...bind("email")}
      />
      {state.status === "success" || (state.status === "error" && !state.fieldErrors) ? <FormMessage state={state} /> : null}
      <SubmitButton label="Add contact" pendingLabel="Adding…" isPending={isPending} className="w-full sm:w-auto" />
    </form>
  );
}
