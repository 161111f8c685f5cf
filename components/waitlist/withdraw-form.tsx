import type { ActionState } from "@/lib/actions/action-state";

/** The one button of a withdraw link's page: a plain form posting the link's token to /waitlist/withdraw. */
export function WithdrawForm({ token, state }: { token: string; state?: ActionState }) {
  return (
    <form method="post" action="/waitlist/withdraw">
      <input type="hidden" name="token" value={token} />
      <button type="submit" className="w-full rounded-lg border border-danger/40 bg-paper px-4 py-2 text-sm font-semibold text-danger hover:bg-danger/10">
        Leave the waitlist
      </button>
      {state?.status === "error" ? (
        <p role="alert" className="mt-2 text-sm text-danger">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
