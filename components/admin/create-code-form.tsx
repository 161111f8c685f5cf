"use client";

import { useActionState } from "react";
import { CopyButton } from "./copy-button";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFieldValues } from "@/components/ui/use-field-values";
import { idleActionState, type FormAction } from "@/lib/actions/action-state";

/** Creates an invite code and shows it once: only its hash is stored. */
export function CreateCodeForm({ action }: { action: FormAction }) {
  const [state, formAction, isPending] = useActionState(action, idleActionState);
  const { bind } = useFieldValues({ uses: "10", expiresInDays: "30", note: "" });
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <div className="grid gap-5 sm:grid-cols-[8rem_8rem_1fr]">
        <FormField name="uses" label="Uses" type="number" min={1} inputMode="numeric" error={errors.uses} {...bind("uses")} />
        <FormField name="expiresInDays" label="Valid for (days)" type="number" min={1} inputMode="numeric" error={errors.expiresInDays} {...bind("expiresInDays")} />
        <FormField name="note" label="Note (optional)" placeholder="Who it is for, e.g. Berlin meetup" error={errors.note} {...bind("note")} />
      </div>
      {state.status === "success" && state.reveal ? (
        <div role="status" className="rounded-xl border border-accent/40 bg-accent/10 p-4">
          <p className="text-sm text-ink">{state.message}</p>
          <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-2">
            <p className="font-mono text-xl font-semibold tracking-wider break-all select-all" data-testid="new-invite-code">
              {state.reveal}
            </p>
            <CopyButton text={state.reveal} what="invite code" />
          </div>
        </div>
      ) : null}
      {state.status === "error" && !state.fieldErrors ? <FormMessage state={state} /> : null}
      <SubmitButton label="Create code" pendingLabel="Creating…" isPending={isPending} className="w-full sm:w-auto" />
    </form>
  );
}
