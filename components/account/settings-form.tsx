"use client";

import { useActionState, type ReactNode } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleActionState, type FormAction } from "@/lib/actions/action-state";

/** A settings form: server-rendered fields as children, the action's answer above the button. */
export function SettingsForm({ action, label, pendingLabel, children, danger = false }: { action: FormAction; label: string; pendingLabel: string; children: ReactNode; danger?: boolean }) {
  const [state, formAction, isPending] = useActionState(action, idleActionState);
  return (
    <form action={formAction} className="space-y-4">
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
