import { Money } from "@/components/ui/money";
import { formatHours, type UsageLine } from "@/lib/account/statement-lines";

/**
 * A usage line's description: the spaces it covers, each with its hours and cost, in a native
 * <details> (opens by keyboard and without JavaScript), and what the floor wrote off.
 */
export function StatementUsage({ line }: { line: UsageLine }) {
  const count = line.spaces.length;
  return (
    <>
      <span className="font-semibold">Usage</span>
      <details className="mt-1" data-testid="statement-spaces">
        <summary className="cursor-pointer text-brand font-semibold hover:text-brand-strong">
          {count === 1 ? `1 space: ${line.spaces[0]!.name}` : `${count} spaces`}
        </summary>
        <ul className="mt-2 space-y-1">
          {line.spaces.map((space) => (
            <li key={space.name} className="flex flex-wrap items-baseline justify-between gap-x-3" data-testid="statement-space">
              <span className="min-w-0 break-all">
                {space.name} <span className="text-ink-soft">{formatHours(space.firstHour, space.lastHour)}</span>
              </span>
              <Money micros={space.costMicros} />
            </li>
          ))}
        </ul>
      </details>
      {line.writtenOffMicros !== 0n ? (
        <p className="mt-1 text-ink-soft">
          Rated <Money micros={line.ratedMicros} />; <Money micros={line.writtenOffMicros} /> past your floor was written off, not
          charged.
        </p>
      ) : null}
    </>
  );
}
