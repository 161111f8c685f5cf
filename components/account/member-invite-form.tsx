"use client";

import { useActionState, useEffect } from "react";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFieldValues } from "@/components/ui/use-field-values";
import { idleActionState, type FormAction } from "@/lib/actions/action-state";

/** A member's invitation form: one email address at a time. */
export function MemberInviteForm({ action }: { action: FormAction }) {
  const [state, formAction, isPending] = useActionState(action, idleActionState);
  const { bind, reset } = useFieldValues({ email: "" });
  // Clear the address once it has been invited, ready for the next one.
  useEffect(() => {
    if (state.status === "success") reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when a new answer arrives
  }, [state]);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormField name="email" label="Their email address" type="email" autoComplete="off" placeholder="friend@example.com" required error={errors.email} {...bind("email")} />
      {state.status === "success" || (state.status === "error" && !state.fieldErrors) ? <FormMessage state={state} /> : null}
      <SubmitButton label="Send invitation" pendingLabel="Sending…" isPending={isPending} className="w-full sm:w-auto" />
    </form>
  );
}
