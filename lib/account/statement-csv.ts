// The statement as CSV, oldest first with the running balance: amounts in exact dollars and in
// micro-dollars, both numbers (negative ones included) a spreadsheet can add up. The row is built once,
// by toStatementExportRow, for the CSV and for the account API's JSON (/api/account/v1), so the two
// shapes cannot drift. No `server-only`: pure.
import { microsToDecimal, toCsv } from "./csv";
import type { StatementRow } from "./get-statement";

export const STATEMENT_CSV_HEADER: ReadonlyArray<keyof StatementExportRow> = [
  "time_utc",
  "type",
  "details",
  "amount_usd",
  "amount_micros",
  "balance_after_usd",
  "balance_after_micros",
  "receipt_url",
];

export type StatementExportRow = {
  time_utc: string;
  type: string;
  details: string | null;
  amount_usd: string;
  amount_micros: string;
  balance_after_usd: string;
  balance_after_micros: string;
  receipt_url: string | null;
};

/** One movement with exact amounts as decimal strings (micro-dollars can pass 2^53). */
export function toStatementExportRow(row: StatementRow): StatementExportRow {
  return {
    time_utc: row.at.toISOString(),
    type: row.kind,
    details: row.description,
    amount_usd: microsToDecimal(row.amountMicros),
    amount_micros: row.amountMicros.toString(),
    balance_after_usd: microsToDecimal(row.balanceAfterMicros),
    balance_after_micros: row.balanceAfterMicros.toString(),
    receipt_url: row.receiptUrl,
  };
}

export function toStatementCsv(rows: StatementRow[]): string {
  return toCsv(
    [...STATEMENT_CSV_HEADER],
    rows.map((row) => {
      const record = toStatementExportRow(row);
      return STATEMENT_CSV_HEADER.map((column) => record[column]);
    }),
  );
}
