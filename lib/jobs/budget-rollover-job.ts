import "server-only";
import type PgBoss from "pg-boss";
import { resumeMonthPauses } from "@/lib/budgets/resume-month-pauses";
import type { Database } from "@/lib/db/client";
import { getLogger } from "@/lib/observability/logger";

export const BUDGET_ROLLOVER_QUEUE = "budgets-month-rollover";

/**
 * Hourly at minute 0: the first run of a month ends last month's pauses within the hour (the reads
 * already say `active` from midnight UTC); the other runs find nothing. Idempotent, so a retry or a
 * second instance does no harm.
 */
export const BUDGET_ROLLOVER_CRON = "0 * * * *";

/** Creates the month-rollover queue, schedules it, and works it in this process. */
export async function startBudgetRolloverJob(boss: PgBoss, db: () => Database): Promise<void> {
  await boss.createQueue(BUDGET_ROLLOVER_QUEUE, { name: BUDGET_ROLLOVER_QUEUE, policy: "singleton", retryLimit: 3, retryDelay: 60 });
  await boss.schedule(BUDGET_ROLLOVER_QUEUE, BUDGET_ROLLOVER_CRON, {}, { tz: "UTC" });
  await boss.work(BUDGET_ROLLOVER_QUEUE, { pollingIntervalSeconds: 60 }, async () => {
    const resumed = await resumeMonthPauses(db());
    if (resumed > 0) getLogger().info({ resumed }, "budget pauses of earlier months ended");
  });
}
