"use client";

import { useActionState } from "react";
import { FormField, SelectField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFieldValues } from "@/components/ui/use-field-values";
import { idleActionState, type FormAction } from "@/lib/actions/action-state";
import { BILLING_COUNTRIES, TAX_ID_TYPES } from "@/lib/billing-details/billing-details-options";

export type BillingDetailsDefaults = {
  companyName: string;
  line1: string;
  line2: string;
  city: string;
  postalCode: string;
  country: string;
  taxIdType: string;
  taxIdValue: string;
};

/** Company name, address and tax ID as they go on invoices; the server validates, Stripe keeps them. */
export function BillingDetailsForm({ action, defaults }: { action: FormAction; defaults: BillingDetailsDefaults }) {
  const [state, formAction, isPending] = useActionState(action, idleActionState);
  const { bind } = useFieldValues(defaults);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormField label="Company name" hint="Optional; leave empty to invoice you by name" autoComplete="organization" error={errors.companyName} name="companyName" {...bind("companyName")} />
      <FormField label="Address line 1" autoComplete="address-line1" required error={errors.line1} name="line1" {...bind("line1")} />
      <FormField label="Address line 2" hint="Optional" autoComplete="address-line2" error={errors.line2} name="line2" {...bind("line2")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField label="City" autoComplete="address-level2" required error={errors.city} name="city" {...bind("city")} />
        <FormField label="Postal code" autoComplete="postal-code" error={errors.postalCode} name="postalCode" {...bind("postalCode")} />
      </div>
      <SelectField label="Country" name="country" autoComplete="country" required error={errors.country} {...bind("country")}>
        <option value="">Choose a country</option>
        {BILLING_COUNTRIES.map(([code, name]) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </SelectField>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Tax ID type" name="taxIdType" error={errors.taxIdType} {...bind("taxIdType")}>
          <option value="">No tax ID</option>
          {TAX_ID_TYPES.map(([type, label]) => (
            <option key={type} value={type}>
              {label}
            </option>
          ))}
        </SelectField>
        <FormField label="Tax ID" hint="For example DE123456789" autoComplete="off" spellCheck={false} error={errors.taxIdValue} name="taxIdValue" {...bind("taxIdValue")} />
      </div>
      <FormMessage state={state} />
      <SubmitButton label="Save billing details" pendingLabel="Saving…" isPending={isPending} className="w-full sm:w-auto sm:px-6" />
    </form>
  );
}
