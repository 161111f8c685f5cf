"use client";

import { SecretReveal } from "@/components/admin/secret-reveal";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionWithoutReset } from "@/components/ui/use-action-without-reset";
import type { FormAction } from "@/lib/actions/action-state";

/**
 * Names and creates a personal API key, then shows it once with a Copy button and a curl line that
 * reads the balance with it. The secret lives only in this component's state: a reload loses it.
 */
export function ApiKeyCreateForm({ action, accountUrl }: { action: FormAction; accountUrl: string }) {
  const { state, formAction, submit, isPending, errors } = useActionWithoutReset(action);
  return (
    <form action={formAction} onSubmit={submit} className="space-y-4" noValidate>
      <FormField
        name="keyName"
        label="Key name"
        hint="What uses it, e.g. balance-watcher. 1 to 100 characters."
        autoComplete="off"
        maxLength={100}
        error={errors.keyName}
      />
      {state.status === "error" && !state.fieldErrors ? <FormMessage state={state} /> : null}
      <SubmitButton label="Create key" pendingLabel="Creating…" isPending={isPending} className="w-full sm:w-auto" />
      {state.status === "success" && state.reveal ? (
        <div className="space-y-3">
          <SecretReveal message={state.message} secret={state.reveal} testId="new-api-key" />
          <p className="text-ink-soft text-sm">Try it:</p>
          <pre className="bg-paper border-line rounded-lg border p-3 font-mono text-xs break-all whitespace-pre-wrap">
            <code>{`curl -H "Authorization: Bearer ${state.reveal}" \\\n  ${accountUrl}`}</code>
          </pre>
        </div>
      ) : null}
    </form>
  );
}
