"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { idleActionState, type FormAction } from "@/lib/actions/action-state";

type AccountControlFormProps = {
  action: FormAction;
  accountId: string;
  /** Names the form's fields apart when a page has several (`freeze-reason`, …). */
  name: string;
  label: string;
  pendingLabel: string;
  /** Closing cannot be undone: the operator also types CLOSE. */
  needsConfirm?: boolean;
  danger?: boolean;
};

const buttons = {
  danger: "border border-danger/40 bg-paper text-danger hover:bg-danger/10",
  primary: "border border-transparent bg-brand text-on-brand hover:bg-brand-strong",
};

// FormField's look, with ids made from the form's name: the account page has several of these forms,
// and FormField names its control by the field alone (two `field-reason` ids would break the labels).
const control =
  "mt-1.5 block w-full rounded-lg border border-line bg-paper px-3 py-2 text-base focus:border-brand focus:ring-2 focus:ring-brand/25 focus:outline-none aria-invalid:border-danger";

function Field({
  form,
  name,
  label,
  error,
  multiline = false,
}: {
  form: string;
  name: string;
  label: string;
  error?: string;
  multiline?: boolean;
}) {
  const id = `${form}-${name}`;
  const shared = {
    id,
    name,
    required: true,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? `${id}-error` : undefined,
    className: control,
  };
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {multiline ? (
        <textarea rows={2} maxLength={500} {...shared} />
      ) : (
        <input autoComplete="off" {...shared} className={`${control} max-w-xs`} />
      )}
      {error ? (
        <p id={`${id}-error`} className="text-danger mt-1 text-sm">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** An operator's control of an account (freeze, unfreeze, close) with its required reason. */
export function AccountControlForm({
  action,
  accountId,
  name,
  label,
  pendingLabel,
  needsConfirm = false,
  danger = false,
}: AccountControlFormProps) {
  const [state, formAction, isPending] = useActionState(action, idleActionState);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="space-y-3" noValidate data-testid={`${name}-form`}>
      <input type="hidden" name="accountId" value={accountId} />
      <Field
        form={name}
        name="reason"
        label="Reason (the customer reads it in the email)"
        error={errors.reason}
        multiline
      />
      {needsConfirm ? <Field form={name} name="confirm" label="Type CLOSE to confirm" error={errors.confirm} /> : null}
      {state.status !== "idle" && !(state.status === "error" && state.fieldErrors) ? (
        <FormMessage state={state} />
      ) : null}
      <button
        type="submit"
        disabled={isPending}
        className={`w-full rounded-lg px-4 py-2 text-sm font-semibold disabled:cursor-wait disabled:opacity-60 sm:w-auto ${danger ? buttons.danger : buttons.primary}`}
      >
        {isPending ? pendingLabel : label}
      </button>
    </form>
  );
}
