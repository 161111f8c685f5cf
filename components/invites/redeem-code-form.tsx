"use client";

import { useActionState } from "react";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFieldValues } from "@/components/ui/use-field-values";
import { idleActionState, type FormAction } from "@/lib/actions/action-state";

/** Invite code and email; a valid code mails an invitation to the address. */
export function RedeemCodeForm({ action }: { action: FormAction }) {
  const [state, formAction, isPending] = useActionState(action, idleActionState);
  const { bind } = useFieldValues({ code: "", email: "" });
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <FormField
        name="code"
        label="Invite code"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        placeholder="TDM-XXXX-XXXX-XXXX"
        className="font-mono"
        required
        error={errors.code}
        {...bind("code")}
      />
      <FormField name="email" label="Email address" type="email" autoComplete="email" placeholder="you@example.com" required error={errors.email} {...bind("email")} />
      {state.status === "error" && !state.fieldErrors ? <FormMessage state={state} id="redeem-error" /> : null}
      <SubmitButton label="Redeem code" pendingLabel="Checking…" isPending={isPending} />
    </form>
  );
}
