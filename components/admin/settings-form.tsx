"use client";

import { useActionState } from "react";
import { FormField } from "@/components/ui/form-field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFieldValues } from "@/components/ui/use-field-values";
import { idleActionState, type FormAction } from "@/lib/actions/action-state";

const modes = [
  { value: "private", label: "Private", help: "The public waitlist is closed. Invites and codes still work." },
  { value: "limited", label: "Limited", help: "Public waitlist; accounts by invite or code only." },
  { value: "open", label: "Open", help: "Anyone may create an account, up to the cap." },
] as const;

type SettingsFormProps = {
  action: FormAction;
  /** `promotionalGrant` in dollars, as the field shows it ("5.00"). */
  initial: { launchMode: string; accountCap: number; memberInviteAllowance: number; promotionalGrant: string };
};

/** Launch mode, account cap, member invite allowance and the welcome credit of new accounts. */
export function SettingsForm({ action, initial }: SettingsFormProps) {
  const [state, formAction, isPending] = useActionState(action, idleActionState);
  const { values, bind } = useFieldValues({
    launchMode: initial.launchMode,
    accountCap: String(initial.accountCap),
    memberInviteAllowance: String(initial.memberInviteAllowance),
    promotionalGrant: initial.promotionalGrant,
  });
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="space-y-6" noValidate>
      <fieldset>
        <legend className="text-sm font-medium">Launch mode</legend>
        <div className="mt-2 grid gap-3 md:grid-cols-3">
          {modes.map((mode) => (
            <label
              key={mode.value}
              className={`flex cursor-pointer gap-3 rounded-xl border p-4 ${values.launchMode === mode.value ? "border-brand bg-brand-soft" : "border-line bg-paper hover:border-brand/50"}`}
            >
              <input type="radio" name="launchMode" value={mode.value} checked={values.launchMode === mode.value} onChange={bind("launchMode").onChange} className="mt-1 accent-brand" />
              <span>
                <span className="block text-sm font-semibold">{mode.label}</span>
                <span className="mt-0.5 block text-xs leading-5 text-ink-soft">{mode.help}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-5 sm:grid-cols-3">
        <FormField name="accountCap" label="Account cap" type="number" min={0} inputMode="numeric" hint="New accounts stop here; operators do not count." error={errors.accountCap} {...bind("accountCap")} />
        <FormField
          name="memberInviteAllowance"
          label="Invitations per member"
          type="number"
          min={0}
          inputMode="numeric"
          hint="How many people each account may invite."
          error={errors.memberInviteAllowance}
          {...bind("memberInviteAllowance")}
        />
        <FormField
          name="promotionalGrant"
          label="Welcome credit (USD)"
          inputMode="decimal"
          hint="Granted once to each new account; $0 to $100."
          error={errors.promotionalGrant}
          {...bind("promotionalGrant")}
        />
      </div>
      {state.status === "success" || (state.status === "error" && !state.fieldErrors) ? <FormMessage state={state} /> : null}
      <SubmitButton label="Save settings" pendingLabel="Saving…" isPending={isPending} className="w-full sm:w-auto" />
    </form>
  );
}
