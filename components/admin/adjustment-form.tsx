"use client";

import { useActionState, useState } from "react";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFieldValues } from "@/components/ui/use-field-values";
import { idleActionState, type FormAction } from "@/lib/actions/action-state";

type AdjustmentFormProps = {
  action: FormAction;
  accountId: string;
  /** Made when the page was drawn: a double submit of this form posts once. */
  idempotencyKey: string;
  /** "$100.00": above it, a second operator approves. */
  approvalLimit: string;
};

const choice =
  "flex cursor-pointer items-center gap-3 rounded-xl border border-line bg-paper px-4 py-3 text-sm font-semibold has-[:checked]:border-brand has-[:checked]:bg-brand-soft";

/**
 * Credit or debit an account. Once it posted (or went for approval) the form is gone: the next
 * adjustment is a fresh page with a fresh key, so a stray second click cannot make a second one.
 */
export function AdjustmentForm({ action, accountId, idempotencyKey, approvalLimit }: AdjustmentFormProps) {
  const [state, formAction, isPending] = useActionState(action, idleActionState);
  // The radios are uncontrolled on purpose: React resets a form after its action answers, which puts a
  // controlled radio back to its first value in the page while state still says the other (an operator
  // who chose Debit, fixed a typo and sent again would have posted a credit). `defaultChecked` follows
  // the choice, so the reset lands on it.
  const [direction, setDirection] = useState("credit");
  const { bind } = useFieldValues({ amount: "", reason: "", note: "" });
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  if (state.status === "success") {
    return (
      <div className="space-y-4">
        <FormMessage state={state} />
        <a
          href={`/admin/accounts/${accountId}/adjust`}
          className="text-brand hover:text-brand-strong inline-block font-semibold underline"
        >
          Make another adjustment
        </a>
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-6" noValidate>
      <input type="hidden" name="accountId" value={accountId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <fieldset>
        <legend className="text-sm font-medium">Direction</legend>
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          <label className={choice}>
            <input
              type="radio"
              name="direction"
              value="credit"
              defaultChecked={direction === "credit"}
              onChange={() => setDirection("credit")}
              className="accent-brand h-4 w-4"
            />
            Credit: add to the balance
          </label>
          <label className={choice}>
            <input
              type="radio"
              name="direction"
              value="debit"
              defaultChecked={direction === "debit"}
              onChange={() => setDirection("debit")}
              className="accent-brand h-4 w-4"
            />
            Debit: take off the balance
          </label>
        </div>
      </fieldset>
      <FormField
        name="amount"
        label="Amount (USD)"
        inputMode="decimal"
        autoComplete="off"
        placeholder="10.00"
        hint={`Above ${approvalLimit} another operator must approve it on the Approvals page.`}
        error={errors.amount}
        className="sm:max-w-48"
        {...bind("amount")}
      />
      <FormField
        multiline
        rows={3}
        name="reason"
        label="Reason (operators only)"
        hint="Why, for the audit log and the operator who approves it. The customer never sees it."
        error={errors.reason}
        {...bind("reason")}
      />
      <FormField
        multiline
        rows={3}
        name="note"
        label="Note to the customer (optional)"
        hint="Shown on their statement and emailed to them. Leave empty to tell them nothing."
        error={errors.note}
        {...bind("note")}
      />
      {direction === "debit" ? (
        <div>
          <label className="flex items-start gap-3 text-sm">
            <input
              type="checkbox"
              name="allowFreeze"
              value="on"
              aria-describedby={errors.allowFreeze ? "allow-freeze-error" : undefined}
              className="accent-brand mt-0.5 h-4 w-4"
            />
            <span>
              <span className="font-semibold">Allow freeze:</span> post this debit even if it takes the balance to the
              overdraft floor, which freezes the account. It never goes below the floor.
            </span>
          </label>
          {errors.allowFreeze ? (
            <p id="allow-freeze-error" className="text-danger mt-1 text-sm">
              {errors.allowFreeze}
            </p>
          ) : null}
        </div>
      ) : null}
      {state.status === "error" && !state.fieldErrors ? <FormMessage state={state} /> : null}
      <SubmitButton
        label="Post adjustment"
        pendingLabel="Posting…"
        isPending={isPending}
        className="w-full sm:w-auto"
      />
    </form>
  );
}
