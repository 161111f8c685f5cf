"use client";

import { useActionState } from "react";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFieldValues } from "@/components/ui/use-field-values";
import { idleActionState, type FormAction } from "@/lib/actions/action-state";

const SCOPES = [
  { value: "all", label: "Every space", help: "The outage hit the whole platform." },
  { value: "listed", label: "The spaces listed below", help: "One account/space a line, e.g. acct_123/whiteboard." },
] as const;

/** Declares an incident: its title, its window in UTC and the spaces it hit. Nothing is credited yet. */
export function DeclareIncidentForm({ action }: { action: FormAction }) {
  const [state, formAction, isPending] = useActionState(action, idleActionState);
  const { bind } = useFieldValues({ title: "", summary: "", startsAt: "", endsAt: "", scope: "all", spaces: "" });
  const scope = bind("scope");
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <FormField
        name="title"
        label="Title"
        hint="Shown on each credited customer's statement."
        placeholder="Ingestion outage"
        error={errors.title}
        {...bind("title")}
      />
      <FormField
        name="summary"
        label="What happened (optional)"
        multiline
        rows={3}
        hint="Goes into the changelog draft."
        error={errors.summary}
        {...bind("summary")}
      />
      <div className="grid gap-5 sm:grid-cols-2">
        <FormField
          name="startsAt"
          label="Start (UTC)"
          type="datetime-local"
          step={60}
          hint="Every hour the window touches is credited whole."
          error={errors.startsAt}
          {...bind("startsAt")}
        />
        <FormField
          name="endsAt"
          label="End (UTC)"
          type="datetime-local"
          step={60}
          hint="Not in the future; at most 31 days after the start."
          error={errors.endsAt}
          {...bind("endsAt")}
        />
      </div>
      <fieldset>
        <legend className="text-sm font-medium">Affected spaces</legend>
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          {SCOPES.map((option) => (
            <label
              key={option.value}
              className={`flex cursor-pointer gap-3 rounded-xl border p-4 ${scope.value === option.value ? "border-brand bg-brand-soft" : "border-line bg-paper hover:border-brand/50"}`}
            >
              <input
                type="radio"
                name="scope"
                value={option.value}
                checked={scope.value === option.value}
                onChange={scope.onChange}
                className="accent-brand mt-1"
              />
              <span>
                <span className="block text-sm font-semibold">{option.label}</span>
                <span className="text-ink-soft mt-0.5 block text-xs leading-5">{option.help}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.scope ? <p className="text-danger mt-1 text-sm">{errors.scope}</p> : null}
      </fieldset>
      {scope.value === "listed" ? (
        <FormField
          name="spaces"
          label="Spaces (account/space, one a line)"
          multiline
          rows={4}
          className="font-mono"
          error={errors.spaces}
          {...bind("spaces")}
        />
      ) : null}
      {state.status === "error" && !state.fieldErrors ? <FormMessage state={state} /> : null}
      <SubmitButton
        label="Declare incident"
        pendingLabel="Declaring…"
        isPending={isPending}
        className="w-full sm:w-auto"
      />
    </form>
  );
}
