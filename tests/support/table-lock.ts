// Stops the app at its first write to a table, from a connection of its own, so a test can watch what
// racing requests do while the first one is held there (no mocks: the app's own statements wait).
import { getPool } from "@/lib/db/client";

export type HeldTable = {
  /** Statements waiting to write to the held table. */
  waitingOnTable(): Promise<number>;
  /** Statements waiting on an advisory lock (account creation is serialised by one). */
  waitingOnAdvisoryLock(): Promise<number>;
  /** Runs a statement in the holding transaction (which may write to the table), committed at release. */
  query(text: string, params?: unknown[]): Promise<void>;
  release(): Promise<void>;
};

async function countWaitingLocks(condition: string, params: unknown[] = []): Promise<number> {
  const result = await getPool().query<{ count: string }>(
    `select count(*)::text as count from pg_locks
     where not granted and database = (select oid from pg_database where datname = current_database()) and ${condition}`,
    params,
  );
  return Number(result.rows[0]?.count ?? 0);
}

/** SHARE mode: reads of `table` go on; inserts, updates and deletes wait until `release()`. */
export async function holdWritesTo(table: string): Promise<HeldTable> {
  const client = await getPool().connect();
  await client.query("begin");
  await client.query(`lock table "${table}" in share mode`);
  return {
    waitingOnTable: () => countWaitingLocks("relation = $1::regclass", [`"${table}"`]),
    waitingOnAdvisoryLock: () => countWaitingLocks("locktype = 'advisory'"),
    async query(text, params = []) {
      await client.query(text, params);
    },
    async release() {
      await client.query("commit");
      client.release();
    },
  };
}
