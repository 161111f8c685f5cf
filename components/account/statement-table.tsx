import type { StatementRow, TransferKind } from "@/lib/account/get-statement";
import { formatMicros } from "@/lib/billing/rate-units";
import { formatDateTime } from "./formats";
import { StatementRows, type StatementRowTexts } from "./statement-rows";

export const KIND_LABELS: Record<TransferKind, string> = {
  top_up: "Top-up",
  usage: "Usage",
  grant: "Grant",
  refund: "Refund",
  dispute: "Dispute",
  dispute_won: "Dispute won",
  adjustment: "Adjustment",
  reversal: "Reversal",
};

const th = "px-3 py-2 font-medium";

// Every cell is styled once, on the table, rather than by classes on each of a page's 50 rows × 5 cells.
const movementsTable =
  "w-full text-left text-sm tabular-nums [&_td]:px-3 [&_td]:py-2 [&_tbody_tr]:border-b [&_tbody_tr]:border-line/60 " +
  "[&_td:first-child]:whitespace-nowrap [&_td:nth-last-child(-n+2)]:text-right [&_td:nth-last-child(-n+2)]:whitespace-nowrap";

/** A movement's amount with its sign: credit added "+", money spent or taken back "−". */
function signedAmount(amountMicros: bigint): string {
  const isDebit = amountMicros < 0n;
  return `${isDebit ? "−" : "+"}${formatMicros(isDebit ? -amountMicros : amountMicros, { decimals: 6 })}`;
}

/** Ledger movements, newest first, with the balance right after each. */
export function StatementTable({ rows }: { rows: StatementRow[] }) {
  return (
    <div className="overflow-x-auto">
      <table className={movementsTable} data-testid="statement">
        <caption className="sr-only">Movements of your balance, newest first</caption>
        <thead>
          <tr className="border-b border-line text-ink-soft">
            <th scope="col" className={th}>When</th>
            <th scope="col" className={th}>Type</th>
            <th scope="col" className={th}>Details</th>
            <th scope="col" className={`${th} text-right`}>Amount</th>
            <th scope="col" className={`${th} text-right`}>Balance after</th>
          </tr>
        </thead>
        <StatementRows
          rows={rows.map((row): StatementRowTexts => [
            formatDateTime(row.at),
            KIND_LABELS[row.kind],
            row.description ?? "",
            signedAmount(row.amountMicros),
            formatMicros(row.balanceAfterMicros, { decimals: 6 }),
            row.receiptUrl ?? "",
          ])}
        />
      </table>
    </div>
  );
}
