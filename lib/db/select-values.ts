import "server-only";
import { sql } from "drizzle-orm";
import type { SelectedFields } from "drizzle-orm/pg-core";
import type { Queryable } from "./client";

/**
 * One row of values the database computes from no table (counts, `exists` checks), through the query
 * builder: each value is decoded and typed like a column (`db.$count(...)`, `exists(...)`, or
 * `sql<T>` with `.mapWith(...)`), so no hand-written row type stands between the SQL and its caller.
 */
export async function selectValues<TFields extends SelectedFields>(db: Queryable, fields: TFields) {
  // `(select)` is one row with no columns: the FROM the builder needs, adding nothing to the query.
  const rows = await db.select(fields).from(sql`(select) as one_row`);
  return rows[0]!;
}
