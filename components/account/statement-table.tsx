import type { StatementRow, TransferKind } from "@/lib/account/get-statement";
import { formatMicros } from "@/lib/billing/rate-units";
import { formatDateTime } from "./formats";

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
const td = "px-3 py-2";

/** Ledger movements, newest first, with the balance right after each. */
export function StatementTable({ rows }: { rows: StatementRow[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm tabular-nums" data-testid="statement">
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
        <tbody>
          {rows.map((row) => (
            <tr key={row.entryId.toString()} className="border-b border-line/60" data-testid="statement-row">
              <td className={`${td} whitespace-nowrap`}>{formatDateTime(row.at)}</td>
              <td className={td}>{KIND_LABELS[row.kind]}</td>
              <td className={td}>
                {row.description ?? ""}
                {row.receiptUrl ? (
                  <>
                    {" "}
                    <a href={row.receiptUrl} className="font-semibold text-brand underline hover:text-brand-strong" rel="noreferrer" target="_blank">
                      Receipt<span className="sr-only"> for the top-up of {formatDateTime(row.at)} (opens in a new tab)</span>
                    </a>
                  </>
                ) : null}
              </td>
              <td className={`${td} text-right whitespace-nowrap ${row.amountMicros < 0n ? "" : "font-semibold"}`} data-testid="statement-amount">
                {row.amountMicros < 0n ? "−" : "+"}
                {formatMicros(row.amountMicros < 0n ? -row.amountMicros : row.amountMicros, { decimals: 6 })}
              </td>
              <td className={`${td} text-right whitespace-nowrap`} data-testid="statement-balance">{formatMicros(row.balanceAfterMicros, { decimals: 6 })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
