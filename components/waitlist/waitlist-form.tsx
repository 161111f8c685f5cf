"use client";

import { useActionState } from "react";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFieldValues } from "@/components/ui/use-field-values";
import { idleActionState, type FormAction } from "@/lib/actions/action-state";

/** The public waitlist form: email, what they are building, an optional link. */
export function WaitlistForm({ action }: { action: FormAction }) {
  const [state, formAction, isPending] = useActionState(action, idleActionState);
  const { bind } = useFieldValues({ email: "", building: "", link: "" });
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <FormField name="email" label="Email address" type="email" autoComplete="email" placeholder="you@example.com" required error={errors.email} {...bind("email")} />
      <FormField
        name="building"
        label="What are you building?"
        multiline
        rows={4}
        required
        placeholder="A multiplayer whiteboard for classrooms, a turn-based game…"
        error={errors.building}
        {...bind("building")}
      />
      <FormField
        name="link"
        label="Link (optional)"
        type="text"
        inputMode="url"
        autoComplete="url"
        placeholder="github.com/you/project"
        hint="A repository, a demo or a site, if you have one."
        error={errors.link}
        {...bind("link")}
      />
      {state.status === "error" && !state.fieldErrors ? <FormMessage state={state} /> : null}
      <SubmitButton label="Join the waitlist" pendingLabel="Joining…" isPending={isPending} />
    </form>
  );
}
