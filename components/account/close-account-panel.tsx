import type { FormAction } from "@/lib/actions/action-state";
import { Money } from "@/components/ui/money";
import { SettingsForm } from "./settings-form";

/** Closing the account, with what happens to the money said before the button. */
export function CloseAccountPanel({ action, balanceMicros }: { action: FormAction; balanceMicros: bigint }) {
  return (
    <section aria-labelledby="close-heading" className="rounded-2xl border border-danger/40 bg-paper p-5 sm:p-6">
      <h2 id="close-heading" className="text-base font-semibold text-danger">
        Delete account
      </h2>
      <ul className="mt-3 list-disc space-y-1 pl-5 text-sm leading-6 text-ink-soft" data-testid="close-consequences">
        <li>
          Your remaining credit of <strong className="text-ink"><Money micros={balanceMicros} /></strong>{" "}
          {balanceMicros > 0n ? "can no longer be spent and is not refunded automatically. Want card top-ups back? Ask us before you delete." : "is nothing to lose."}
        </li>
        <li>Your apps stop: the platform is told the account is frozen and refuses new work for it.</li>
        <li>The ledger keeps this account&rsquo;s history (money records are never erased); your name and email are removed.</li>
        <li>Every session ends, on every device, and no further emails are sent.</li>
      </ul>
      <div className="mt-5">
        <SettingsForm action={action} label="Delete my account" pendingLabel="Deleting…" danger>
          <div>
            <label htmlFor="field-confirm" className="block text-sm font-medium">
              Type CLOSE to confirm
            </label>
            <input id="field-confirm" name="confirm" autoComplete="off" required className="mt-1.5 block w-full max-w-xs rounded-lg border border-line bg-paper px-3 py-2 text-base" />
          </div>
        </SettingsForm>
      </div>
    </section>
  );
}
