"use client";

import { startTransition, useActionState, type FormEvent, type ReactNode } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleActionState, type FormAction } from "@/lib/actions/action-state";

/** A settings form: server-rendered fields as children, the action's answer above the button. */
export function SettingsForm({ action, label, pendingLabel, children, danger = false }: { action: FormAction; label: string; pendingLabel: string; children: ReactNode; danger?: boolean }) {
  const [state, formAction, isPending] = useActionState(action, idleActionState);
  // React 19 resets a `<form action>` once its action has run, which put the fields back to what was
  // stored: after a refused save the person lost what they typed along with the reason. With JavaScript
  // the form is submitted here instead, so nothing is reset (after a save the fields already show it);
  // without it, `action` still posts the form.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
  return (
    <form action={formAction} onSubmit={submit} className="space-y-4">
      {children}
      <FormMessage state={state} />
      <SubmitButton
        label={label}
        pendingLabel={pendingLabel}
        isPending={isPending}
        className={`w-full sm:w-auto ${danger ? "!bg-danger hover:!bg-danger/90" : ""}`}
      />
    </form>
  );
}
