import { ActionButton } from "@/components/ui/action-button";
import type { FormAction } from "@/lib/actions/action-state";

/** The "Revoke" button of a row in the codes and invites lists. */
export function RevokeButton({ action, fields, ariaLabel }: { action: FormAction; fields: Record<string, string>; ariaLabel: string }) {
  return <ActionButton action={action} fields={fields} label="Revoke" pendingLabel="Revoking…" variant="danger" ariaLabel={ariaLabel} className="sm:w-28" />;
}
