"use client";

import { useActionState } from "react";
import { ActionButton } from "@/components/ui/action-button";
import { idleActionState, type FormAction } from "@/lib/actions/action-state";
import { SecretReveal } from "./secret-reveal";

type TokenRowActionsProps = {
  tokenId: string;
  /** Names the row in the buttons' accessible names: the token's name and prefix (a successor shares the name). */
  label: string;
  canRotate: boolean;
  canRevoke: boolean;
  /** The graces to offer (lib/admin/platform-token-schemas.ts ROTATION_GRACES), passed down so the client bundle holds no zod. */
  graces: ReadonlyArray<{ seconds: number; label: string }>;
  rotate: FormAction;
  revoke: FormAction;
};

/**
 * A token row's rotate (with the grace the old token keeps) and revoke controls, and the successor's
 * secret once rotated. Rendered for every row, rotated or not, so the revealed secret survives the
 * refresh that turns this row from active to expiring. Two grid cells: the controls, then the secret
 * across the row.
 */
export function TokenRowActions({
  tokenId,
  label,
  canRotate,
  canRevoke,
  graces,
  rotate,
  revoke,
}: TokenRowActionsProps) {
  const [state, formAction, isPending] = useActionState(rotate, idleActionState);
  const selectId = `grace-${tokenId}`;
  return (
    <>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-end">
        {canRotate ? (
          <form action={formAction} className="flex flex-col gap-2 sm:flex-row sm:items-end">
            <input type="hidden" name="tokenId" value={tokenId} />
            <div>
              <label htmlFor={selectId} className="text-ink-soft block text-xs font-medium">
                Old token stops
              </label>
              <select
                id={selectId}
                name="graceSeconds"
                defaultValue="86400"
                className="border-line bg-paper focus:border-brand focus:ring-brand/25 mt-1 block w-full rounded-lg border px-3 py-2 text-sm focus:ring-2 focus:outline-none sm:w-32"
              >
                {graces.map((grace) => (
                  <option key={grace.seconds} value={grace.seconds}>
                    {grace.seconds === 0 ? grace.label : `In ${grace.label}`}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="submit"
              disabled={isPending}
              aria-label={`Rotate ${label}`}
              className="border-line bg-paper hover:border-brand hover:text-brand rounded-lg border px-4 py-2 text-sm font-semibold disabled:cursor-wait disabled:opacity-60 sm:w-28"
            >
              {isPending ? "Rotating…" : "Rotate"}
            </button>
          </form>
        ) : null}
        {canRevoke ? (
          <ActionButton
            action={revoke}
            fields={{ tokenId }}
            label="Revoke"
            pendingLabel="Revoking…"
            variant="danger"
            ariaLabel={`Revoke ${label}`}
            className="sm:w-28"
          />
        ) : null}
      </div>
      {state.status === "error" ? (
        <p role="alert" className="text-danger text-sm sm:col-span-2">
          {state.message}
        </p>
      ) : null}
      {state.status === "success" && state.reveal ? (
        <div className="sm:col-span-2">
          <SecretReveal message={state.message} secret={state.reveal} testId="rotated-platform-token" />
        </div>
      ) : null}
    </>
  );
}
