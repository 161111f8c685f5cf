import "server-only";
import { getOwnAccountOrThrow } from "@/lib/account/get-own-account";
import type { Database } from "@/lib/db/client";
import { monthlyStatementFilename } from "@/lib/email/templates/monthly-statement-file";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { AppSession } from "@/lib/session/app-session";
import { readMonthlyStatement } from "./read-monthly-statement";
import { renderStatementPdf } from "./render-statement-pdf";
import { monthOf, STATEMENT_MONTH_MESSAGE, statementMonthSchema } from "./statement-month";

export type StatementPdf = { filename: string; bytes: Uint8Array; month: string };

/**
 * The session's own account's statement for `month` ("2026-11") as a PDF: any month up to the current
 * one (its statement so far). A month before the account had any line is a statement of zeros, not an
 * error: usage reported late can land in a month before the account was opened. A month not in that
 * shape is a 400; one not yet started is a 404. The account is the session's, never the request's.
 */
export async function getMonthlyStatementPdf(
  db: Database,
  session: AppSession,
  month: unknown,
  now = new Date(),
): Promise<StatementPdf> {
  const parsed = statementMonthSchema.safeParse(month);
  if (!parsed.success) {
    throw new AppError("validation_failed", {
      message: `month: ${STATEMENT_MONTH_MESSAGE}.`,
      details: { fields: [{ path: "month", message: STATEMENT_MONTH_MESSAGE }] },
    });
  }
  const account = await getOwnAccountOrThrow(db, session);
  if (parsed.data > monthOf(now))
    throw new AppError("not_found", { message: "That month has not started yet: it has no statement." });
  const statement = await readMonthlyStatement(
    db,
    { ...account, ownerEmail: session.user.email ?? null },
    parsed.data,
    now,
  );
  return {
    filename: monthlyStatementFilename({ month: parsed.data }),
    bytes: await renderStatementPdf(statement, getEnv().company),
    month: parsed.data,
  };
}
