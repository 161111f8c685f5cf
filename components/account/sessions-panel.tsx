import { ActionButton } from "@/components/ui/action-button";
import type { FormAction } from "@/lib/actions/action-state";
import { SESSION_ABSOLUTE_TIMEOUT_SECONDS, SESSION_IDLE_TIMEOUT_SECONDS } from "@/lib/session/session-policy";

const DAY_SECONDS = 24 * 60 * 60;

/** Sign out here, or everywhere: how long a sign-in lasts and the way to end them all. */
export function SessionsPanel({ signOut, signOutEverywhere }: { signOut: FormAction; signOutEverywhere: FormAction }) {
  return (
    <section aria-labelledby="sessions-heading" className="rounded-2xl border border-line bg-paper p-5 sm:p-6">
      <h2 id="sessions-heading" className="text-base font-semibold">
        Sessions
      </h2>
      <p className="mt-2 text-sm leading-6 text-ink-soft">
        A sign-in lasts {SESSION_IDLE_TIMEOUT_SECONDS / DAY_SECONDS} days after your last visit, and never more than{" "}
        {SESSION_ABSOLUTE_TIMEOUT_SECONDS / DAY_SECONDS} days. Lost a device? Sign out everywhere ends every session of this account, this
        one included.
      </p>
      <div className="mt-5 flex flex-col gap-3 sm:flex-row">
        <ActionButton action={signOut} label="Sign out" pendingLabel="Signing out…" className="sm:w-40" />
        <ActionButton action={signOutEverywhere} label="Sign out everywhere" pendingLabel="Signing out…" className="sm:w-52" />
      </div>
    </section>
  );
}
