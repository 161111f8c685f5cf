// The statement as CSV, oldest first with the running balance: amounts in exact dollars and in
// micro-dollars, both numbers (negative ones included) a spreadsheet can add up. No `server-only`: pure.
import { microsToDecimal, toCsv } from "./csv";
import type { StatementRow } from "./get-statement";

export const STATEMENT_CSV_HEADER = [
  "time_utc",
  "type",
  "details",
  "amount_usd",
  "amount_micros",
  "balance_after_usd",
  "balance_after_micros",
  "receipt_url",
];

export function toStatementCsv(rows: StatementRow[]): string {
  return toCsv(
    STATEMENT_CSV_HEADER,
    rows.map((row) => [
      row.at.toISOString(),
      row.kind,
      row.description,
      microsToDecimal(row.amountMicros),
      row.amountMicros,
      microsToDecimal(row.balanceAfterMicros),
      row.balanceAfterMicros,
      row.receiptUrl,
    ]),
  );
}
