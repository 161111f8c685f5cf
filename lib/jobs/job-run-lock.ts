import "server-only";
import { sql } from "drizzle-orm";
import pg from "pg";
import type PgBoss from "pg-boss";
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { getLogger } from "@/lib/observability/logger";

// pg-boss 10 knows a job is running only by its `active` state, which outlives a worker killed mid-job
// (a crash, an OOM kill, a redeploy's SIGKILL) until the job expires: 15 minutes, then up to 2 more
// for maintenance. An auto-recharge stuck that long leaves a low account to run dry. So each run also
// holds a Postgres advisory lock on a connection of its own: Postgres drops it the moment the worker's
// process dies, and an `active` job whose lock nobody holds has no worker left.
const LOCK_NAMESPACE = 0x74616e64; // "tand"

/** A job younger than this may not have taken its lock yet. */
const GRACE_SECONDS = 10;

/** Runs `task` while holding the run lock of `jobId` (released when the task ends or the process dies). */
export async function withJobRunLock<T>(jobId: string, task: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: getEnv().databaseUrl, application_name: "tandem-job-lock" });
  // The connection can die under the task (a database restart): the lock goes with it, so the sweep may
  // run the job again, which is safe (see cancelOrphanedJobs). Unheard, pg's 'error' would be an
  // uncaught exception.
  client.on("error", (error) => getLogger().warn({ err: error, jobId }, "a job's run-lock connection was lost"));
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1::int4, hashtext($2))", [LOCK_NAMESPACE, jobId]);
    return await task();
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Cancels the `active` jobs of `queue` whose worker died (no one holds their run lock), so the
 * auto-recharge sweep queues the account again at once. Rerunning a job whose worker was merely cut
 * off is safe: the charge carries the request's Idempotency-Key and its credit the payment's key.
 */
export async function cancelOrphanedJobs(boss: PgBoss, queue: string): Promise<number> {
  const rows = await getDb().execute<{ id: string }>(sql`
    select j.id::text from pgboss.job j
    where j.name = ${queue} and j.state = 'active' and j.started_on < now() - make_interval(secs => ${GRACE_SECONDS})
      and not exists (select 1 from pg_locks l where l.locktype = 'advisory' and l.granted
        and l.database = (select oid from pg_database where datname = current_database())
        and l.classid = ${LOCK_NAMESPACE}::int4::oid and l.objid = hashtext(j.id::text)::oid and l.objsubid = 2)`);
  const ids = rows.rows.map((row) => row.id);
  if (ids.length === 0) return 0;
  await boss.cancel(queue, ids);
  getLogger().warn({ queue, jobs: ids }, "cancelled jobs whose worker died; they are queued again");
  return ids.length;
}
