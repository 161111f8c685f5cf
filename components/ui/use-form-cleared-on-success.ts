"use client";

import { useActionState, useEffect } from "react";
import { idleActionState, type FormAction } from "@/lib/actions/action-state";
import { useFieldValues } from "./use-field-values";

/**
 * A form that takes one thing at a time (an address to invite, a contact to add): what was typed
 * survives a refusal (useFieldValues) and is cleared once the action succeeds, ready for the next one.
 */
export function useFormClearedOnSuccess<Name extends string>(action: FormAction, initial: Record<Name, string>) {
  const [state, formAction, isPending] = useActionState(action, idleActionState);
  const { bind, reset } = useFieldValues(initial);
  useEffect(() => {
    if (state.status === "success") reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when a new answer arrives
  }, [state]);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  return { state, formAction, isPending, bind, errors };
}
