"use client";

export type SpaceRow = { name: string; cost: string; share: string; barWidth: string; since: string };

/**
 * The spaces page's list. A client component only so that the server-component payload carries each
 * space's texts rather than the element tree of every row (100 spaces: ~40% of the page's bytes); the
 * HTML is rendered on the server all the same.
 */
export function SpaceRows({ rows }: { rows: SpaceRow[] }) {
  return (
    <ul className="divide-line divide-y" data-testid="spaces">
      {rows.map((space) => (
        <li key={space.name} className="py-3" data-testid="space-row">
          <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
            <span className="min-w-0 truncate font-medium">{space.name}</span>
            <span className="text-sm tabular-nums">
              <span className="font-semibold" data-testid="space-cost">
                {space.cost}
              </span>
              <span className="text-ink-soft ml-2">{space.share}</span>
            </span>
          </div>
          <div className="bg-line mt-2 h-2 rounded-full" aria-hidden="true">
            <div className="bg-brand h-2 rounded-full" style={{ width: space.barWidth }} />
          </div>
          <p className="text-ink-soft mt-1 text-xs">{`Since ${space.since}`}</p>
        </li>
      ))}
    </ul>
  );
}
