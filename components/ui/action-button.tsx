"use client";

import { useActionState } from "react";
import { idleActionState, type FormAction } from "@/lib/actions/action-state";

const variants = {
  // A transparent border keeps every variant the same height side by side.
  primary: "border border-transparent bg-brand text-on-brand hover:bg-brand-strong",
  secondary: "border border-line bg-paper hover:border-brand hover:text-brand",
  danger: "border border-danger/40 bg-paper text-danger hover:bg-danger/10",
} as const;

type ActionButtonProps = {
  action: FormAction;
  label: string;
  pendingLabel: string;
  variant?: keyof typeof variants;
  className?: string;
  /** Sent with the action as hidden fields, e.g. the id of the row the button acts on. */
  fields?: Record<string, string>;
  /** A longer accessible name when the label alone is ambiguous, e.g. "Approve ada@example.com". */
  ariaLabel?: string;
  /** Classes for the error beneath the button, in place of its top margin (e.g. to span a grid's columns). */
  errorClassName?: string;
};

/** One button that runs a server action and shows its error, if any, beneath it. */
export function ActionButton({ action, label, pendingLabel, variant = "secondary", className, fields, ariaLabel, errorClassName = "mt-2" }: ActionButtonProps) {
  const [state, formAction, isPending] = useActionState(action, idleActionState);
  return (
    <form action={formAction} className={className}>
      {Object.entries(fields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        disabled={isPending}
        aria-label={ariaLabel}
        className={`w-full rounded-lg px-4 py-2 text-sm font-semibold disabled:cursor-wait disabled:opacity-60 ${variants[variant]}`}
      >
        {isPending ? pendingLabel : label}
      </button>
      {state.status === "error" ? (
        <p role="alert" className={`${errorClassName} text-sm text-danger`}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
