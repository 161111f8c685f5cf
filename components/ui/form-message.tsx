import type { ActionState } from "@/lib/actions/action-state";

/** The outcome of a form's action above its button: the error (as an alert) or the success message. */
export function FormMessage({ state, id }: { state: ActionState; id?: string }) {
  if (state.status === "error") {
    return (
      <p id={id} role="alert" className="rounded-lg bg-danger/10 px-3 py-2 text-sm text-danger">
        {state.message}
      </p>
    );
  }
  if (state.status === "success") {
    return (
      <p id={id} role="status" className="rounded-lg bg-accent/10 px-3 py-2 text-sm text-ink">
        {state.message}
      </p>
    );
  }
  return null;
}
