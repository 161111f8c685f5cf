"use client";

import { useActionState, useLayoutEffect, useRef, useState } from "react";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idleActionState, type FormAction } from "@/lib/actions/action-state";

export type AutoRechargeDefaults = { enabled: boolean; threshold: string; target: string; monthlyCap: string };

/** Auto-recharge on/off, threshold, recharge-to amount and monthly cap; the server validates them. */
export function AutoRechargeForm({ action, defaults, hasCard }: { action: FormAction; defaults: AutoRechargeDefaults; hasCard: boolean }) {
  const [state, formAction, isPending] = useActionState(action, idleActionState);
  // Controlled, so typed values survive an error answer.
  const [values, setValues] = useState(defaults);
  // React 19 resets a `<form action>` once its action has run, and a reset puts a checkbox back to its
  // default (the `checked` attribute), which React leaves alone for a controlled box: the box showed the
  // opposite of what was just saved until a reload. Its default follows the state, so a reset keeps it.
  const checkbox = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => {
    if (checkbox.current) checkbox.current.defaultChecked = values.enabled;
  }, [values.enabled]);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const field = (name: "threshold" | "target" | "monthlyCap") => ({
    name,
    value: values[name],
    inputMode: "decimal" as const,
    autoComplete: "off",
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => setValues({ ...values, [name]: event.target.value }),
    error: errors[name],
  });
  return (
    <form action={formAction} className="space-y-4">
      <input type="hidden" name="enabled" value={values.enabled ? "on" : "off"} />
      <label className="flex items-start gap-3">
        <input
          ref={checkbox}
          type="checkbox"
          checked={values.enabled}
          onChange={(event) => setValues({ ...values, enabled: event.target.checked })}
          aria-describedby="auto-recharge-help"
          className="mt-1 h-4 w-4 accent-brand"
        />
        <span>
          <span className="text-sm font-medium">Recharge automatically</span>
          <span id="auto-recharge-help" className="block text-xs text-ink-soft">
            {hasCard ? "When usage takes your balance under the threshold, we charge your saved card once." : "Save a card first to turn this on."}
          </span>
        </span>
      </label>
      <div className="grid gap-4 sm:grid-cols-3">
        <FormField label="Threshold ($)" hint="Recharge when the balance falls under this ($0–$500)" {...field("threshold")} />
        <FormField label="Recharge to ($)" hint="At least $5 above the threshold" {...field("target")} />
        <FormField label="Monthly cap ($)" hint="The most we charge in a month" {...field("monthlyCap")} />
      </div>
      <FormMessage state={state} />
      <SubmitButton label="Save auto-recharge" pendingLabel="Saving…" isPending={isPending} className="w-full sm:w-auto sm:px-6" />
    </form>
  );
}
