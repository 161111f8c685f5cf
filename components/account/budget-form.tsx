"use client";

import { startTransition, useActionState, useId, type FormEvent } from "react";
import { ActionButton } from "@/components/ui/action-button";
import { FormMessage } from "@/components/ui/form-message";
import { idleActionState, type FormAction } from "@/lib/actions/action-state";
import type { BudgetAction } from "@/lib/db/schema/spend-controls";

export type BudgetFormDefaults = { amount: string; action: BudgetAction };

type BudgetFormProps = {
  save: FormAction;
  remove: FormAction;
  /** The space's id, or `account` for the account's budget (lib/budgets/budget-schemas.ts): the server looks it up within the session's own account. */
  target: string;
  /** What the budget is for, in words ("chat", "the whole account"): makes each button's name unique. */
  subject: string;
  defaults: BudgetFormDefaults;
  hasBudget: boolean;
};

const CHOICES: Array<{ value: BudgetAction; label: string }> = [
  { value: "alert", label: "Alert only" },
  { value: "pause", label: "Pause at the limit" },
];

const button = "rounded-lg px-4 py-2 text-sm font-semibold disabled:cursor-wait disabled:opacity-60";

/**
 * A budget's amount and what happens at it, with Save and (when one is set) Remove. A page lists up to a
 * hundred of these, so ids come from useId and every button's accessible name says whose budget it is.
 */
export function BudgetForm({ save, remove, target, subject, defaults, hasBudget }: BudgetFormProps) {
  const id = useId();
  const [state, formAction, isPending] = useActionState(save, idleActionState);
  const amountError = state.status === "error" ? state.fieldErrors?.amount : undefined;
  // React 19 resets a `<form action>` after its action runs, which threw away what was typed along with
  // the reason it was refused (as in SettingsForm): with JavaScript the form is submitted here instead.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
  return (
    <div className="space-y-3">
      <form action={formAction} onSubmit={submit} className="space-y-3" aria-label={`Budget for ${subject}`}>
        <input type="hidden" name="spaceId" value={target} />
        <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
          <div className="w-full sm:w-56">
            <label htmlFor={`${id}-amount`} className="block text-sm font-medium">
              Monthly budget (US dollars)
            </label>
            <input
              id={`${id}-amount`}
              name="amount"
              defaultValue={defaults.amount}
              inputMode="decimal"
              autoComplete="off"
              required
              placeholder="25.00"
              aria-invalid={amountError ? true : undefined}
              aria-describedby={amountError ? `${id}-error` : undefined}
              className="border-line bg-paper placeholder:text-ink-soft/70 focus:border-brand focus:ring-brand/25 aria-invalid:border-danger mt-1.5 block w-full rounded-lg border px-3 py-2 text-base focus:ring-2 focus:outline-none"
            />
          </div>
          <fieldset className="min-w-0">
            <legend className="text-sm font-medium">At the limit</legend>
            <div className="mt-1.5 flex flex-wrap gap-x-4 gap-y-2">
              {CHOICES.map((choice) => (
                <label key={choice.value} className="flex min-h-9 items-center gap-2 text-sm">
                  <input
                    type="radio"
                    name="action"
                    value={choice.value}
                    defaultChecked={defaults.action === choice.value}
                    className="accent-brand h-4 w-4"
                  />
                  {choice.label}
                </label>
              ))}
            </div>
          </fieldset>
        </div>
        <FormMessage state={state} id={`${id}-error`} />
        <button
          type="submit"
          disabled={isPending}
          className={`${button} bg-brand text-on-brand hover:bg-brand-strong w-full sm:w-auto`}
        >
          {isPending ? "Saving…" : "Save budget"}
          <span className="sr-only"> for {subject}</span>
        </button>
      </form>
      {hasBudget ? (
        <ActionButton
          action={remove}
          label="Remove budget"
          pendingLabel="Removing…"
          variant="danger"
          className="w-full sm:w-fit"
          fields={{ spaceId: target }}
          ariaLabel={`Remove budget for ${subject}`}
        />
      ) : null}
    </div>
  );
}
