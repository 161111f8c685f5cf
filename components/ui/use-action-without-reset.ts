"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import { idleActionState, type FormAction } from "@/lib/actions/action-state";

/**
 * A form's action, run from its onSubmit so that React 19 does not reset the form once the action has
 * run: a reset puts fields and checkboxes back to their initial values even when state controls them,
 * so a refused form lost what was typed (or came back with scopes ticked that had been unticked) along
 * with the reason. Give the form both `action={formAction}` and `onSubmit={submit}`: without JavaScript
 * it still posts to the action.
 */
export function useActionWithoutReset(action: FormAction) {
  const [state, formAction, isPending] = useActionState(action, idleActionState);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  return { state, formAction, submit, isPending, errors };
}
