"use client";

import { useActionState } from "react";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFieldValues } from "@/components/ui/use-field-values";
import { idleActionState, type FormAction } from "@/lib/actions/action-state";

/** Starts a draft from the latest published card; the action opens it. */
export function NewDraftForm({ action }: { action: FormAction }) {
  const [state, formAction, isPending] = useActionState(action, idleActionState);
  const { bind } = useFieldValues({ name: "" });
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="flex flex-col gap-4 sm:flex-row sm:items-end" noValidate>
      <div className="sm:flex-1">
        <FormField name="name" label="Name" placeholder="e.g. 2027 prices" error={errors.name} {...bind("name")} />
      </div>
      <SubmitButton label="New draft" pendingLabel="Creating…" isPending={isPending} className="w-full sm:w-auto" />
      {state.status === "error" && !state.fieldErrors ? <FormMessage state={state} /> : null}
    </form>
  );
}
