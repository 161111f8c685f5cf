import "server-only";
import type { z } from "zod";
import type { VerifiedApiKey } from "@/lib/api-keys/verify-api-key";
import type { Queryable } from "@/lib/db/client";
import { getAccountForApiKeyOrThrow } from "../get-account-for-api-key";
import { listStatementMovements } from "../get-statement";
import { startOfMonth } from "../periods";
import { toStatementExportRow } from "../statement-csv";
import type { statementApiQuerySchema, StatementResponse } from "./schemas";

// A month of an account that reports usage every few seconds can hold many thousands of movements:
// they come in pages of this many, oldest first.
export const STATEMENT_ROWS_PER_PAGE = 1_000;

/**
 * GET /accounts/{account}/statement: one UTC month of the key's account's statement as the statement
 * CSV's rows (toStatementExportRow, the one row builder), with the balance after each movement counted
 * over the whole history, as the CSV does.
 */
export async function getApiStatement(
  db: Queryable,
  key: VerifiedApiKey,
  query: z.output<typeof statementApiQuerySchema>,
  now = new Date(),
): Promise<StatementResponse> {
  const account = await getAccountForApiKeyOrThrow(db, key);
  const from = query.month ? new Date(`${query.month}-01T00:00:00Z`) : startOfMonth(now);
  const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
  const rows = await listStatementMovements(db, account, {
    filter: query.type,
    period: { from, to },
    ...(query.after !== undefined ? { after: BigInt(query.after) } : {}),
    limit: STATEMENT_ROWS_PER_PAGE + 1,
  });
  const page = rows.slice(0, STATEMENT_ROWS_PER_PAGE);
  return {
    account: account.accountId,
    month: from.toISOString().slice(0, 7),
    type: query.type,
    rows: page.map(toStatementExportRow),
    next_cursor: rows.length > STATEMENT_ROWS_PER_PAGE ? page.at(-1)!.entryId.toString() : null,
  };
}
