import "server-only";
import { z } from "zod";
import { findBillingAccount } from "@/lib/billing/find-billing-account";
import type { Database } from "@/lib/db/client";
import { registerEmailAttachments, type EmailAttachment } from "@/lib/email/email-attachments";
import { monthlyStatementFilename } from "@/lib/email/templates/monthly-statement-file";
import { getEnv } from "@/lib/env";
import { readMonthlyStatement } from "./read-monthly-statement";
import { renderStatementPdf } from "./render-statement-pdf";
import { statementMonthSchema } from "./statement-month";

const statementEmailDataSchema = z.object({ accountId: z.string().min(1), month: statementMonthSchema });

/**
 * The monthly statement email's PDF, drawn when the email is sent from the account and month its
 * outbox row holds: the figures as they stand then (usage reported late for the month included), and
 * never bytes in the outbox. The account id comes from our own row, written by the job.
 */
export async function drawStatementAttachment(db: Database, data: unknown): Promise<EmailAttachment[]> {
  const { accountId, month } = statementEmailDataSchema.parse(data);
  const account = await findBillingAccount(db, { accountId });
  if (!account) throw new Error(`no billing account ${accountId} for its monthly statement`);
  const statement = await readMonthlyStatement(db, account, month);
  const content = await renderStatementPdf(statement, getEnv().company);
  return [{ filename: monthlyStatementFilename({ month }), content, contentType: "application/pdf" }];
}

/** Lets this process send monthly statement emails (the job worker registers it when it starts). */
export function registerStatementAttachments(): void {
  registerEmailAttachments("monthly-statement", drawStatementAttachment);
}
