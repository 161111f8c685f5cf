"use client";

import { useState } from "react";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionWithoutReset } from "@/components/ui/use-action-without-reset";
import { useFieldValues } from "@/components/ui/use-field-values";
import type { FormAction } from "@/lib/actions/action-state";
import { SecretReveal } from "./secret-reveal";

const scopes = [
  { name: "scopeIngest", label: "ingest", help: "Report usage (POST /usage)." },
  { name: "scopeRead", label: "read", help: "Read accounts, standing and usage." },
] as const;

/** Creates a platform token with a name and scopes and shows its secret once: only its hash is stored. */
export function CreateTokenForm({ action }: { action: FormAction }) {
  // React resets a form after its action, and a reset puts a checkbox back to its initial `checked`
  // attribute even when state controls it: a form refused for having no scope came back with both ticked,
  // and the next submit made a token with scopes the operator had unticked. Hence no reset.
  const { state, formAction, submit, isPending, errors } = useActionWithoutReset(action);
  const { bind } = useFieldValues({ name: "" });
  const [chosen, setChosen] = useState<Record<(typeof scopes)[number]["name"], boolean>>({
    scopeIngest: true,
    scopeRead: true,
  });
  return (
    <form action={formAction} onSubmit={submit} className="space-y-5" noValidate>
      <div className="grid gap-5 md:grid-cols-[1fr_auto]">
        <FormField
          name="name"
          label="Name"
          placeholder="What uses it, e.g. eu-host-fleet"
          autoComplete="off"
          error={errors.name}
          {...bind("name")}
        />
        <fieldset aria-describedby={errors.scopes ? "scopes-error" : undefined}>
          <legend className="text-sm font-medium">Scopes</legend>
          <div className="mt-1.5 flex flex-col gap-2 sm:flex-row sm:gap-5">
            {scopes.map((scope) => (
              <label key={scope.name} className="flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  name={scope.name}
                  checked={chosen[scope.name]}
                  onChange={(event) => setChosen((current) => ({ ...current, [scope.name]: event.target.checked }))}
                  className="accent-brand mt-1"
                />
                <span>
                  <span className="font-mono font-semibold">{scope.label}</span>
                  <span className="text-ink-soft block text-xs">{scope.help}</span>
                </span>
              </label>
            ))}
          </div>
          {errors.scopes ? (
            <p id="scopes-error" className="text-danger mt-1 text-sm">
              {errors.scopes}
            </p>
          ) : null}
        </fieldset>
      </div>
      {state.status === "success" && state.reveal ? (
        <SecretReveal message={state.message} secret={state.reveal} testId="new-platform-token" />
      ) : null}
      {state.status === "error" && !state.fieldErrors ? <FormMessage state={state} /> : null}
      <SubmitButton label="Create token" pendingLabel="Creating…" isPending={isPending} className="w-full sm:w-auto" />
    </form>
  );
}
