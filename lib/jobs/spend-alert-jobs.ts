import "server-only";
import type PgBoss from "pg-boss";
import type { Database } from "@/lib/db/client";
import { sendOutboxEmailsNow } from "@/lib/email/send-outbox-emails";
import { getLogger } from "@/lib/observability/logger";
import { evaluateSpendAlerts } from "@/lib/spend-alerts/evaluate-spend-alerts";

export const SPEND_ALERTS_QUEUE = "spend-alerts";

/**
 * Hourly at minute 23 (off the quarter hours of reconciliation and minute 7 of the pruning): an anomaly
 * is told within the hour it shows in the day's cost so far, and the runway a day's history allows.
 */
export const SPEND_ALERTS_CRON = "23 * * * *";

/** Creates the spend-alert queue, schedules it, and works it in this process (singleton: one run at a time). */
export async function startSpendAlertJobs(boss: PgBoss, db: () => Database): Promise<void> {
  await boss.createQueue(SPEND_ALERTS_QUEUE, { name: SPEND_ALERTS_QUEUE, policy: "singleton", retryLimit: 2, retryDelay: 60 });
  await boss.schedule(SPEND_ALERTS_QUEUE, SPEND_ALERTS_CRON, {}, { tz: "UTC" });
  await boss.work(SPEND_ALERTS_QUEUE, { pollingIntervalSeconds: 60 }, async () => {
    const run = await evaluateSpendAlerts(db());
    if (run.emailIds.length > 0) await sendOutboxEmailsNow(db(), run.emailIds);
    getLogger().info({ accounts: run.accounts, alerts: run.recorded.length }, "spend alerts evaluated");
  });
}
