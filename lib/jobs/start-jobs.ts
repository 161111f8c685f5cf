import "server-only";
import { sql } from "drizzle-orm";
import PgBoss from "pg-boss";
import { getDb } from "@/lib/db/client";
import { sendOutboxEmails } from "@/lib/email/send-outbox-emails";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getLogger } from "@/lib/observability/logger";
import { getPaymentMetrics } from "@/lib/payments/payment-metrics";
import { runReconciliation } from "@/lib/payments/run-reconciliation";
import { runAutoRecharge } from "@/lib/payments/run-auto-recharge";
import { sweepPlatformEvents } from "@/lib/platform-events/sweep-platform-events";
import { cancelOrphanedJobs, withJobRunLock } from "./job-run-lock";
import { startMaintenanceJobs } from "./maintenance-jobs";
import { startBudgetRolloverJob } from "./budget-rollover-job";
import { startSpendAlertJobs } from "./spend-alert-jobs";
import { startMonthlyStatementJob } from "./monthly-statement-job";

export const QUEUES = { autoRecharge: "auto-recharge", reconcile: "payments-reconcile" } as const;

/** How often the sweep looks for recharges asked for by committed postings (and pause emails not yet recorded). */
const SWEEP_INTERVAL_MS = 1_000;
/**
 * How often the outbox's emails left unsent (a crash, an SMTP outage) are looked for: every email the site
 * sends (each is sent right after the commit that recorded it, for that change only; one that failed
 * would otherwise wait for another change, which a frozen account's balance may never make).
 * Each email has its own backoff (lib/email/email-retry.ts).
 */
const EMAIL_SWEEP_INTERVAL_MS = 30_000;
/**
 * How often the platform's webhooks left unsent (a crash after the commit, the platform down) are looked
 * for: each event also has its own backoff (lib/platform-events/platform-webhook-retry.ts), starting at 10 s.
 */
const PLATFORM_WEBHOOK_SWEEP_INTERVAL_MS = 10_000;

/** Runs `task` every `ms`, skipping a tick while the previous run is still going (a slow SMTP server). */
function every(ms: number, name: string, task: () => Promise<unknown>): NodeJS.Timeout {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    task()
      .catch((error: unknown) => getLogger().error({ err: error }, `${name} failed`))
      .finally(() => {
        running = false;
      });
  }, ms);
  timer.unref();
  return timer;
}

type Jobs = { boss: PgBoss; timers: NodeJS.Timeout[] };
const globalForJobs = globalThis as unknown as { appJobs?: Promise<Jobs> };

/**
 * Sends one `auto-recharge` job per account with work waiting that has no job queued, retrying or
 * running. Postings only insert rows (in their own transaction); this is their "enqueue after commit".
 * The queue's `stately` policy keys jobs by account, so a racing sweep cannot queue a second one.
 */
export async function sweepAutoRecharges(boss: PgBoss): Promise<number> {
  const rows = await getDb().execute<{ account_id: string }>(sql`
    select distinct r.billing_account_id as account_id from auto_recharges r
    where (r.status in ('pending', 'charging') or (r.status = 'failed' and r.notified_at is null))
      and not exists (select 1 from pgboss.job j where j.name = ${QUEUES.autoRecharge} and j.singleton_key = r.billing_account_id
        and j.state in ('created', 'retry', 'active'))`);
  let sent = 0;
  for (const row of rows.rows) {
    if (await boss.send(QUEUES.autoRecharge, { accountId: row.account_id }, { singletonKey: row.account_id })) sent += 1;
  }
  return sent;
}

async function start(): Promise<Jobs> {
  const log = getLogger();
  const boss = new PgBoss({ connectionString: getEnv().databaseUrl, schema: "pgboss", max: 4, application_name: "tandem-jobs" });
  boss.on("error", (error) => log.error({ err: error }, "job queue error"));
  getPaymentMetrics(); // registers the auto-recharge and reconciliation series on /api/metrics from the start
  await boss.start();
  // A charge Stripe could not answer is retried with backoff (30 s, 1 min, 2 min, …), same Idempotency-Key.
  await boss.createQueue(QUEUES.autoRecharge, { name: QUEUES.autoRecharge, policy: "stately", retryLimit: 12, retryDelay: 30, retryBackoff: true });
  await boss.createQueue(QUEUES.reconcile, { name: QUEUES.reconcile, policy: "singleton", retryLimit: 2, retryDelay: 60 });
  await boss.schedule(QUEUES.reconcile, "*/15 * * * *", {}, { tz: "UTC" });
  await boss.work<{ accountId: string }>(QUEUES.autoRecharge, { pollingIntervalSeconds: 1 }, async ([job]) => {
    if (job) await withJobRunLock(job.id, () => runAutoRecharge(getDb(), job.data.accountId));
  });
  await boss.work(QUEUES.reconcile, { pollingIntervalSeconds: 30 }, async () => {
    try {
      const { report } = await runReconciliation(getDb(), { trigger: "job" });
      log.info({ repaired: report.repaired.length, drift: report.drift.length }, "payments reconciled");
    } catch (error) {
      // An operator's "Run now" is running: that run is this quarter-hour's.
      if (error instanceof AppError && error.code === "conflict") return log.info("reconciliation already running; skipped");
      throw error;
    }
  });
  await startMaintenanceJobs(boss, getDb);
  await startBudgetRolloverJob(boss, getDb);
  await startSpendAlertJobs(boss, getDb);
  await startMonthlyStatementJob(boss, getDb);
  const timers = [
    every(SWEEP_INTERVAL_MS, "auto-recharge sweep", async () => {
      await cancelOrphanedJobs(boss, QUEUES.autoRecharge);
      return sweepAutoRecharges(boss);
    }),
    // Every email the site sends is an email_outbox row: one sweep sends what the send after a commit left.
    every(EMAIL_SWEEP_INTERVAL_MS, "email outbox sweep", () => sendOutboxEmails(getDb())),
    every(PLATFORM_WEBHOOK_SWEEP_INTERVAL_MS, "platform webhook sweep", () => sweepPlatformEvents(getDb())),
  ];
  log.info("background jobs started (auto-recharge, the email outbox, payments reconciliation, pruning)");
  return { boss, timers };
}

/** Starts the job workers in this process once (the Next server calls it from instrumentation.ts). */
export function startJobs(): Promise<Jobs> {
  globalForJobs.appJobs ??= start().catch((error: unknown) => {
    globalForJobs.appJobs = undefined;
    throw error;
  });
  return globalForJobs.appJobs;
}

export async function stopJobs(): Promise<void> {
  const jobs = await globalForJobs.appJobs?.catch(() => undefined);
  globalForJobs.appJobs = undefined;
  if (!jobs) return;
  for (const timer of jobs.timers) clearInterval(timer);
  await jobs.boss.stop({ graceful: true, wait: true, timeout: 10_000 });
}
