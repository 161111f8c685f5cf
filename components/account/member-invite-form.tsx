"use client";

import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormClearedOnSuccess } from "@/components/ui/use-form-cleared-on-success";
import type { FormAction } from "@/lib/actions/action-state";

/** A member's invitation form: one email address at a time. */
export function MemberInviteForm({ action }: { action: FormAction }) {
  const { state, formAction, isPending, bind, errors } = useFormClearedOnSuccess(action, { email: "" });
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormField name="email" label="Their email address" type="email" autoComplete="off" placeholder="friend@example.com" required error={errors.email} {...bind("email")} />
      {state.status === "success" || (state.status === "error" && !state.fieldErrors) ? <FormMessage state={state} /> : null}
      <SubmitButton label="Send invitation" pendingLabel="Sending…" isPending={isPending} className="w-full sm:w-auto" />
    </form>
  );
}
