import "server-only";
import pg from "pg";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { getLogger } from "@/lib/observability/logger";

// The one guard against two reconciliations at once, whoever starts them (the 15-minute job on any
// instance, an operator's "Run now"): a Postgres advisory lock held on a connection of its own for the
// whole run, as lib/jobs/job-run-lock.ts holds a job's, so a process that dies mid-run frees it at once.
// Its own namespace: that file's sweep reads its namespace's locks as jobs' run locks.
const LOCK_NAMESPACE = 0x72636e6c; // "rcnl"
const LOCK_KEY = 1;

/** Runs `task` holding the reconciliation lock; `conflict` at once if another run holds it. */
export async function withReconcileRunLock<T>(task: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: getEnv().databaseUrl, application_name: "tandem-reconcile-lock" });
  client.on("error", (error) => getLogger().warn({ err: error }, "the reconciliation lock's connection was lost"));
  await client.connect();
  try {
    const locked = await client.query<{ ok: boolean }>("select pg_try_advisory_lock($1::int4, $2::int4) as ok", [
      LOCK_NAMESPACE,
      LOCK_KEY,
    ]);
    if (!locked.rows[0]?.ok)
      throw new AppError("conflict", {
        message: "A reconciliation is already running. Its result appears here when it ends.",
      });
    return await task();
  } finally {
    await client.end().catch(() => undefined);
  }
}
