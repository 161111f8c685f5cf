"use client";

import { useActionState, useState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleActionState, type FormAction } from "@/lib/actions/action-state";

/** The email field and button of every sign-in surface; the action answers the same for any address. */
type SignInFormProps = {
  action: FormAction;
  submitLabel?: string;
  /** A same-origin path the link should land on (checked again by the action). */
  callbackUrl?: string;
};

export function SignInForm({ action, submitLabel = "Email me a sign-in link", callbackUrl }: SignInFormProps) {
  const [state, formAction, isPending] = useActionState(action, idleActionState);
  // Controlled, so the address survives an error answer (React resets uncontrolled fields after an action).
  const [email, setEmail] = useState("");
  const error = state.status === "error" ? state : undefined;
  return (
    <form action={formAction} className="space-y-4">
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <div>
        <label htmlFor="email" className="block text-sm font-medium">
          Email address
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          placeholder="you@example.com"
          aria-invalid={error?.fieldErrors?.email ? true : undefined}
          aria-describedby={error ? "sign-in-error" : undefined}
          className="mt-1.5 block w-full rounded-lg border border-line bg-paper px-3 py-2 text-base placeholder:text-ink-soft/70 focus:border-brand focus:ring-2 focus:ring-brand/25 focus:outline-none"
        />
      </div>
      <FormMessage state={state} id="sign-in-error" />
      <SubmitButton label={submitLabel} pendingLabel="Sending…" isPending={isPending} />
    </form>
  );
}
