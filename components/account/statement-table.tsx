import { Money } from "@/components/ui/money";
import { formatHours, type MovementLine, type StatementLine } from "@/lib/account/statement-lines";
import { formatDate, formatDateTime } from "./formats";
import { KIND_LABELS } from "@/lib/account/statement-kinds";
import { StatementUsage } from "./statement-usage";

// A table on wide screens; below the `sm` breakpoint each row becomes a two-column card (when and
// what across the top, amount and balance after side by side beneath), so at 375 px the money is in
// view without scrolling sideways. Every cell is styled once, here, rather than on each row's cells.
const table = [
  "w-full text-left text-sm tabular-nums [&_tbody_tr]:border-b [&_tbody_tr]:border-line/60",
  "sm:[&_td]:px-3 sm:[&_td]:py-3 sm:[&_td]:align-top sm:[&_td:nth-last-child(-n+2)]:text-right sm:[&_td:nth-last-child(-n+2)]:whitespace-nowrap",
  "max-sm:[&_thead]:sr-only max-sm:[&_tbody]:block max-sm:[&_tbody_tr]:grid max-sm:[&_tbody_tr]:grid-cols-2",
  "max-sm:[&_tbody_tr]:gap-x-4 max-sm:[&_tbody_tr]:gap-y-1 max-sm:[&_tbody_tr]:py-3 max-sm:[&_td]:block",
  "max-sm:[&_td:nth-child(-n+2)]:col-span-2 max-sm:[&_td:last-child]:text-right",
].join(" ");

const th = "px-3 py-2 font-medium";

/** A label the stacked layout shows above a money cell; the table's header names it on wide screens. */
function SmallLabel({ children }: { children: string }) {
  return <span className="block text-xs text-ink-soft sm:hidden">{children}</span>;
}

function MovementCells({ line }: { line: MovementLine }) {
  const { movement } = line;
  const isWriteOff = movement.kind === "usage_write_off";
  const when = formatDateTime(movement.at);
  return (
    <>
      <td className="whitespace-nowrap">{when}</td>
      <td>
        <span className="font-semibold">{KIND_LABELS[movement.kind]}</span>
        {/* A write-off's label says all its reason does. */}
        {movement.description && !isWriteOff ? <span className="block text-ink-soft">{movement.description}</span> : null}
        {movement.receiptUrl ? (
          <a href={movement.receiptUrl} className="font-semibold text-brand underline hover:text-brand-strong" rel="noreferrer" target="_blank">
            Receipt<span className="sr-only"> for the top-up of {when} (opens in a new tab)</span>
          </a>
        ) : null}
        {movement.invoice ? (
          <a href={movement.invoice.url} className="ml-3 font-semibold text-brand underline hover:text-brand-strong" rel="noreferrer" target="_blank" data-testid="statement-invoice">
            Invoice{movement.invoice.number ? ` ${movement.invoice.number}` : ""}<span className="sr-only"> for the top-up of {when} (opens in a new tab)</span>
          </a>
        ) : null}
      </td>
      <td data-testid="statement-amount">
        <SmallLabel>Amount</SmallLabel>
        {isWriteOff ? (
          <>
            <Money micros={movement.amountMicros} /> not charged
          </>
        ) : (
          <span className={movement.amountMicros > 0n ? "font-semibold" : undefined}>
            <Money micros={movement.amountMicros} plusSign />
          </span>
        )}
      </td>
    </>
  );
}

function LineRow({ line }: { line: StatementLine }) {
  return (
    <tr data-testid="statement-row" data-kind={line.type === "usage" ? "usage" : line.movement.kind}>
      {line.type === "usage" ? (
        <>
          <td className="whitespace-nowrap">
            {formatDate(new Date(`${line.day}T00:00:00Z`))}
            <span className="block text-ink-soft" data-testid="statement-usage-hours">
              {formatHours(line.firstHour, line.lastHour)}
            </span>
          </td>
          <td>
            <StatementUsage line={line} />
          </td>
          <td data-testid="statement-amount">
            <SmallLabel>Amount</SmallLabel>
            <Money micros={line.amountMicros} plusSign />
          </td>
        </>
      ) : (
        <MovementCells line={line} />
      )}
      <td data-testid="statement-balance">
        <SmallLabel>Balance after</SmallLabel>
        <Money micros={line.balanceAfterMicros} />
      </td>
    </tr>
  );
}

/** The statement's lines, newest first, with the balance right after each. */
export function StatementTable({ lines }: { lines: StatementLine[] }) {
  return (
    <table className={table} data-testid="statement">
      <caption className="sr-only">Movements of your balance, newest first; usage by UTC day</caption>
      <thead>
        <tr className="border-b border-line text-ink-soft">
          <th scope="col" className={th}>When</th>
          <th scope="col" className={th}>Movement</th>
          <th scope="col" className={`${th} text-right`}>Amount</th>
          <th scope="col" className={`${th} text-right`}>Balance after</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <LineRow key={line.type === "usage" ? `${line.day}|${line.firstHour.toISOString()}` : line.movement.entryId.toString()} line={line} />
        ))}
      </tbody>
    </table>
  );
}
