"use client";

import { SpaceBudgetDetails, type BudgetActions, type SpaceBudgetView } from "./space-budget-details";

/** An amount as text, with the exact micro-dollars as its title when rounding to cents hid some. */
export type SpaceAmount = { text: string; title?: string };

export type SpaceRow = {
  name: string;
  cost: SpaceAmount;
  share: string;
  barWidth: string;
  since: string;
  /** The month's cost of each resource that cost something, costliest first. */
  byResource: Array<{ name: string; cost: SpaceAmount }>;
  usageHref: string;
  /** Its standing, spend against its budget and the budget form (the spaces page; issue 19). */
  budget?: SpaceBudgetView;
};

/**
 * The spaces page's list. A client component only so that the server-component payload carries each
 * space's texts rather than the element tree of every row (100 spaces: ~40% of the page's bytes); the
 * HTML is rendered on the server all the same.
 */
export function SpaceRows({ rows, budgetActions }: { rows: SpaceRow[]; budgetActions?: BudgetActions }) {
  return (
    <ul className="divide-line divide-y" data-testid="spaces">
      {rows.map((space) => (
        <li key={space.name} id={space.budget ? `space-${space.budget.target}` : undefined} className="scroll-mt-4 py-3" data-testid="space-row">
          <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
            <span className="min-w-0 font-medium break-all">{space.name}</span>
            <span className="text-sm tabular-nums">
              <span className="font-semibold" data-testid="space-cost" title={space.cost.title}>
                {space.cost.text}
              </span>
              <span className="text-ink-soft ml-2">{space.share}</span>
            </span>
          </div>
          {space.budget && budgetActions ? (
            <SpaceBudgetDetails name={space.name} view={space.budget} cost={space.cost} actions={budgetActions} />
          ) : (
            <div className="bg-line mt-2 h-2 rounded-full" aria-hidden="true">
              <div className="bg-brand h-2 rounded-full" style={{ width: space.barWidth }} />
            </div>
          )}
          {space.byResource.length > 0 ? (
            <dl className="text-ink-soft mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs tabular-nums" data-testid="space-resources">
              {space.byResource.map((entry) => (
                <div key={entry.name} className="flex gap-1">
                  <dt>{entry.name}</dt>
                  <dd className="text-ink" title={entry.cost.title}>
                    {entry.cost.text}
                  </dd>
                </div>
              ))}
            </dl>
          ) : null}
          <p className="text-ink-soft mt-1 flex flex-wrap justify-between gap-x-4 text-xs">
            <span>{`Since ${space.since}`}</span>
            <a href={space.usageHref} className="text-brand font-semibold hover:underline">
              Usage<span className="sr-only"> of {space.name}</span>
            </a>
          </p>
        </li>
      ))}
    </ul>
  );
}
