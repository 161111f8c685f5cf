import "server-only";
import { getTableColumns, sql, type SQL } from "drizzle-orm";
import { usageDays } from "@/lib/db/schema/usage-days";

// The billed cost columns of usage_days, from the schema (the resource list lives in billing, a layer
// above budgets; the columns are the same, and adding a resource adds its column to the schema first).
const COST_COLUMNS = Object.values(getTableColumns(usageDays))
  .map((column) => column.name)
  .filter((name) => name.endsWith("_cost"));

/** `d.cpu_ms_cost + d.memory_bytes_cost + …`: a usage_days row's billed cost. Built from constants only. */
export function dayCostSum(alias: string): SQL {
  return sql.raw(COST_COLUMNS.map((name) => `${alias}.${name}`).join(" + "));
}
