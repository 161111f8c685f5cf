"use client";

/** One movement as texts: [when, type, details, signed amount, balance after, receipt URL or ""]. */
export type StatementRowTexts = [string, string, string, string, string, string];

/**
 * The statement's table body from rows of texts. A client component only so that the server-component
 * payload carries the texts rather than an element tree of every row and cell (as TextRows does for the
 * usage tables); the HTML is rendered on the server all the same. Cells are styled by the table.
 */
export function StatementRows({ rows }: { rows: StatementRowTexts[] }) {
  return (
    <tbody>
      {rows.map(([when, kind, details, amount, balance, receiptUrl], index) => (
        <tr key={index} data-testid="statement-row">
          <td>{when}</td>
          <td>{kind}</td>
          <td>
            {details}
            {receiptUrl ? (
              <>
                {" "}
                <a href={receiptUrl} className="font-semibold text-brand underline hover:text-brand-strong" rel="noreferrer" target="_blank">
                  Receipt<span className="sr-only"> for the top-up of {when} (opens in a new tab)</span>
                </a>
              </>
            ) : null}
          </td>
          <td className={amount.startsWith("+") ? "font-semibold" : undefined} data-testid="statement-amount">
            {amount}
          </td>
          <td data-testid="statement-balance">{balance}</td>
        </tr>
      ))}
    </tbody>
  );
}
