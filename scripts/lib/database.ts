// Gives a script a database: DATABASE_URL when it is set, else the shared embedded cluster.
import { acquireEmbeddedPostgres } from "./embedded-postgres";
import { DEMO_PG } from "./paths";

export type DatabaseLease = { url: string; isEmbedded: boolean; release: () => Promise<void> };

export async function leaseDatabase(): Promise<DatabaseLease> {
  const configured = process.env.DATABASE_URL;
  if (configured) return { url: configured, isEmbedded: false, release: async () => {} };
  const handle = await acquireEmbeddedPostgres(DEMO_PG);
  // Domain modules read DATABASE_URL through lib/env, so the lease publishes it for them.
  process.env.DATABASE_URL = handle.url;
  return { url: handle.url, isEmbedded: true, release: handle.release };
}

/** Runs `work` with a database and always gives the lease back, on success, failure or Ctrl-C. */
export async function withDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const lease = await leaseDatabase();
  const onSignal = () => void lease.release().finally(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    return await work(lease.url);
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await lease.release();
  }
}
