"use client";

import { useEffect, useRef, useState } from "react";
import { BudgetForm, type BudgetFormDefaults } from "./budget-form";
import type { BudgetTone } from "./budget-figures";
import type { FormAction } from "@/lib/actions/action-state";

/** An amount as text, with the exact micro-dollars as its title when rounding to cents hid some (as SpaceRows'). */
type Amount = { text: string; title?: string };

/** The two budget actions, passed once for every row's form. */
export type BudgetActions = { save: FormAction; remove: FormAction };

/** A space's standing and budget as texts (computed on the server, so the payload carries no element tree). */
export type SpaceBudgetView = {
  /** The space's id: its budget form's target and its row's anchor (`#space-<id>`). */
  target: string;
  /** "Active", or why it is paused ("Paused — over its $2.00 budget"). */
  state: { label: string; isPaused: boolean };
  /** Spend against the budget, when one is set. */
  budget: { amount: Amount; percent: string; barWidth: string; tone: BudgetTone } | null;
  /** What happens at the limit, in one sentence (lib/account/budget-sentences.ts). */
  sentence: string | null;
  defaults: BudgetFormDefaults;
  /** The share bar of the month's spend, shown when there is no budget to measure against. */
  shareBarWidth: string;
};

const BAR_TONES = { ok: "bg-brand", near: "bg-warn", over: "bg-danger" } as const satisfies Record<BudgetTone, string>;

// Text in ink on a tinted ground with a coloured ring, as the standing badges: the colour marks it, the words stay readable.
const BADGE = {
  paused: "bg-danger/10 text-ink ring-1 ring-danger/50",
  active: "bg-accent/10 text-ink ring-1 ring-accent/50",
} as const;

/** One space's standing, spend against budget (bar and words), what its limit does, and its budget form. */
export function SpaceBudgetDetails({
  name,
  view,
  cost,
  actions,
}: {
  name: string;
  view: SpaceBudgetView;
  cost: Amount;
  actions: BudgetActions;
}) {
  // Open on a paused space, where the dashboard's "Raise the budget" link lands; fixed at the first
  // render, so a save that resumes the space does not snap the form (and its answer) shut.
  const [isOpenAtFirst] = useState(view.state.isPaused);
  // The form is rendered once its row is opened, and kept: a hundred closed forms were most of the
  // spaces page's HTML (the account bench's 100 spaces), for the one or two a person changes.
  const [hasForm, setHasForm] = useState(isOpenAtFirst);
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    // Opened by a click before React hydrated (a summary works without it): render the form now.
    if (details.current?.open) setHasForm(true);
  }, []);
  return (
    <div className="mt-2 space-y-2">
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <span
          className={`rounded-full px-2 py-0.5 text-xs font-semibold ${view.state.isPaused ? BADGE.paused : BADGE.active}`}
          data-testid="space-state"
        >
          {view.state.label}
        </span>
        <span className="text-ink-soft tabular-nums" data-testid="space-budget">
          {view.budget ? (
            <>
              Spent{" "}
              <span className="text-ink" title={cost.title}>
                {cost.text}
              </span>{" "}
              of its{" "}
              <span className="text-ink" title={view.budget.amount.title}>
                {view.budget.amount.text}
              </span>{" "}
              budget ({view.budget.percent})
            </>
          ) : (
            "No budget"
          )}
        </span>
      </p>
      <div className="bg-line h-2 rounded-full" aria-hidden="true">
        <div
          className={`h-2 rounded-full ${view.budget ? BAR_TONES[view.budget.tone] : "bg-brand"}`}
          style={{ width: view.budget ? view.budget.barWidth : view.shareBarWidth }}
        />
      </div>
      {view.sentence ? (
        <p className="text-sm leading-6" data-testid="budget-sentence">
          {view.sentence}
        </p>
      ) : null}
      <details ref={details} open={isOpenAtFirst} onToggle={(event) => event.currentTarget.open && setHasForm(true)}>
        <summary className="text-brand hover:text-brand-strong w-fit cursor-pointer text-sm font-semibold">
          {view.budget ? "Change or remove the budget" : "Set a budget"}
          <span className="sr-only"> of {name}</span>
        </summary>
        <div className="border-line mt-3 space-y-3 rounded-xl border p-4">
          {view.budget ? null : (
            <p className="text-ink-soft text-sm leading-6">
              A budget emails you at 50, 80 and 100% of a monthly amount; choose “Pause at the limit” to also stop this
              space there.
            </p>
          )}
          {hasForm ? (
            <BudgetForm
              save={actions.save}
              remove={actions.remove}
              target={view.target}
              subject={name}
              defaults={view.defaults}
              hasBudget={view.budget !== null}
            />
          ) : null}
        </div>
      </details>
    </div>
  );
}
