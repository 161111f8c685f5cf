"use client";

import { useActionState } from "react";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFieldValues } from "@/components/ui/use-field-values";
import { idleActionState, type FormAction } from "@/lib/actions/action-state";

/** Publishes a draft from a future whole hour, in UTC (the server refuses anything else, and says why). */
export function PublishDraftForm({
  action,
  draftId,
  suggested,
}: {
  action: FormAction;
  draftId: string;
  suggested: string;
}) {
  const [state, formAction, isPending] = useActionState(action, idleActionState);
  const { bind } = useFieldValues({ effectiveFrom: suggested });
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="space-y-5" noValidate aria-label="Publish the draft">
      <input type="hidden" name="draftId" value={draftId} />
      <FormField
        name="effectiveFrom"
        label="Takes effect from (UTC)"
        hint="A whole hour in the future. Usage before it keeps today's prices; nothing is repriced."
        type="datetime-local"
        step={3600}
        error={errors.effectiveFrom}
        className="sm:max-w-xs"
        {...bind("effectiveFrom")}
      />
      {state.status === "success" || (state.status === "error" && !state.fieldErrors) ? (
        <FormMessage state={state} />
      ) : null}
      <SubmitButton label="Publish" pendingLabel="Publishing…" isPending={isPending} className="w-full sm:w-auto" />
    </form>
  );
}
