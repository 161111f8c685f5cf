"use client";

import { useActionState, useEffect, useState, useSyncExternalStore } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { idleActionState, type FormAction } from "@/lib/actions/action-state";

const noSubscription = () => () => {};

/** True once hydrated: controls that need JavaScript stay disabled in the server HTML. */
function useIsHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}

const rowBoxes = (formId: string) => [...document.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][form="${formId}"][name^="entry-"]`)];

/**
 * The bulk decision of the waitlist table: the rows' checkboxes belong to this form through their
 * `form` attribute (the rows keep their own one-entry forms, and forms cannot nest), so the selection
 * posts as plain fields, with or without JavaScript. With it, the count of what is selected shows.
 */
export function WaitlistBulkForm({ action, formId }: { action: FormAction; formId: string }) {
  const [state, formAction, isPending] = useActionState(action, idleActionState);
  const [selected, setSelected] = useState(0);
  const isHydrated = useIsHydrated();
  useEffect(() => {
    const recount = () => {
      const boxes = rowBoxes(formId);
      const checked = boxes.filter((box) => box.checked).length;
      setSelected(checked);
      const all = document.getElementById(`${formId}-all`);
      if (all instanceof HTMLInputElement) {
        all.checked = boxes.length > 0 && checked === boxes.length;
        all.indeterminate = checked > 0 && checked < boxes.length;
      }
    };
    recount();
    document.addEventListener("change", recount);
    return () => document.removeEventListener("change", recount);
  }, [formId, state]);
  const button = "rounded-lg px-4 py-2 text-sm font-semibold disabled:cursor-wait disabled:opacity-60";
  return (
    <form id={formId} action={formAction} className="space-y-3" aria-label="Decide the selected entries">
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" name="decision" value="approve" disabled={isPending} className={`${button} border border-transparent bg-brand text-on-brand hover:bg-brand-strong`}>
          {isPending ? "Working…" : "Approve selected"}
        </button>
        <button type="submit" name="decision" value="reject" disabled={isPending} className={`${button} border border-danger/40 bg-paper text-danger hover:bg-danger/10`}>
          {isPending ? "Working…" : "Decline selected"}
        </button>
        {isHydrated ? (
          <label className="inline-flex items-center gap-2 text-sm font-medium">
            <SelectAllOnPage formId={formId} />
            Select all on this page
          </label>
        ) : null}
        {isHydrated ? (
          <span className="text-sm text-ink-soft" aria-live="polite" data-testid="waitlist-selected-count">
            {selected} selected
          </span>
        ) : null}
      </div>
      <FormMessage state={state} />
    </form>
  );
}

/** The header checkbox: selects or clears every row of this page (JavaScript only; disabled without it). */
export function SelectAllOnPage({ formId }: { formId: string }) {
  const isHydrated = useIsHydrated();
  return (
    <input
      id={`${formId}-all`}
      type="checkbox"
      disabled={!isHydrated}
      className="size-4 accent-brand"
      onChange={(event) => {
        for (const box of rowBoxes(formId)) box.checked = event.currentTarget.checked;
      }}
    />
  );
}
