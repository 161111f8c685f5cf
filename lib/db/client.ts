// The database, for the server only: the marker fails any build that puts this module in a client bundle.
// The zero-JS pages of the Pages Router (where Next refuses the marker) reach the database only through a
// page server call (lib/actions/page-server-call.ts), never by importing this.
import "server-only";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import { AppError } from "@/lib/errors";
import { getEnv } from "@/lib/env";
import * as schema from "./schema";

export type Database = NodePgDatabase<typeof schema>;

type DbState = { pool: pg.Pool; db: Database };
type PoolErrorReporter = (error: Error) => void;
const globalForDb = globalThis as unknown as { appDb?: DbState; reportPoolError?: PoolErrorReporter };

/**
 * Who hears about an idle pooled connection that died (a database restart or failover). Without a
 * listener, pg's 'error' event is an uncaught exception that ends a script or a worker; the pool already
 * drops the broken connection and the next query opens a new one, so this only reports. The server
 * registers the logger (instrumentation.ts).
 */
export function setPoolErrorReporter(report: PoolErrorReporter): void {
  globalForDb.reportPoolError = report;
}

function connect(): DbState {
  const url = getEnv().databaseUrl;
  if (!url) {
    throw new AppError("unavailable", {
      message: "DATABASE_URL is not set: start the site with `npm start`, which provides the embedded database.",
    });
  }
  const pool = new pg.Pool({ connectionString: url, max: 10, idleTimeoutMillis: 30_000 });
  // Idle connections report through the pool; a connection checked out when it dies (its query fails
  // with the error too) also emits 'error' on itself, which must be heard as well.
  pool.on("error", (error) => globalForDb.reportPoolError?.(error));
  pool.on("connect", (client) => client.on("error", (error) => globalForDb.reportPoolError?.(error)));
  return { pool, db: drizzle(pool, { schema }) };
}

/** The shared connection pool's Drizzle handle for this process. */
export function getDb(): Database {
  globalForDb.appDb ??= connect();
  return globalForDb.appDb.db;
}

export function getPool(): pg.Pool {
  globalForDb.appDb ??= connect();
  return globalForDb.appDb.pool;
}

/** Ends the pool (scripts call this before exiting); the next getDb() opens a new one. */
export async function closeDb(): Promise<void> {
  const state = globalForDb.appDb;
  globalForDb.appDb = undefined;
  await state?.pool.end();
}

export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type Queryable = Database | Transaction;
