import "server-only";
import type PgBoss from "pg-boss";
import type { Database } from "@/lib/db/client";
import { registerStatementAttachments } from "@/lib/monthly-statements/statement-attachment";
import { sendMonthlyStatements } from "@/lib/monthly-statements/send-monthly-statements";
import { getLogger } from "@/lib/observability/logger";

export const MONTHLY_STATEMENTS_QUEUE = "monthly-statements";

/**
 * The 1st of each month at 06:00 UTC: last month is over everywhere by then (UTC days), and usage
 * reported in its last hours has had six hours to arrive. Late usage after that still reaches the
 * statement page; the PDF is drawn when each email is sent, so a retry carries what stands then.
 */
export const MONTHLY_STATEMENTS_CRON = "0 6 1 * *";

/** Creates the statements queue, schedules it, and works it here (singleton: one run at a time; the outbox keys make a second run send nothing). */
export async function startMonthlyStatementJob(boss: PgBoss, db: () => Database): Promise<void> {
  // The email sweep in this process sends statement emails a run left behind: it needs the PDF drawer.
  registerStatementAttachments();
  await boss.createQueue(MONTHLY_STATEMENTS_QUEUE, {
    name: MONTHLY_STATEMENTS_QUEUE,
    policy: "singleton",
    retryLimit: 3,
    retryDelay: 300,
  });
  await boss.schedule(MONTHLY_STATEMENTS_QUEUE, MONTHLY_STATEMENTS_CRON, {}, { tz: "UTC" });
  await boss.work(MONTHLY_STATEMENTS_QUEUE, { pollingIntervalSeconds: 60 }, async () => {
    const run = await sendMonthlyStatements(db());
    getLogger().info(
      { month: run.month, accounts: run.accounts, emails: run.emailIds.length, sent: run.sent },
      "monthly statements sent",
    );
  });
}
