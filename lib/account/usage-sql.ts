import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { RESOURCES, type Resource } from "@/lib/billing/resources";

// SQL fragments over the wide usage tables (usage_hours, usage_days): one units and one cost column per
// resource. Built from the constant resource list, never from input.

/** Total billed cost of a row, summed across resources; `alias` qualifies the columns. */
export function costSum(alias?: string): SQL {
  const prefix = alias ? `${alias}.` : "";
  return sql.raw(RESOURCES.map((resource) => `${prefix}${resource}_cost`).join(" + "));
}

export const rowCost: SQL = costSum();

/** `(values ('cpu_ms', cpu_ms, cpu_ms_cost), …)` for a lateral join that unpivots a row by resource. */
export function unpivot(alias: string): SQL {
  return sql.raw(
    `(values ${RESOURCES.map((resource) => `('${resource}', ${alias}.${resource}, ${alias}.${resource}_cost)`).join(", ")}) as r(resource, units, cost)`,
  );
}

export function isResource(value: string): value is Resource {
  return (RESOURCES as readonly string[]).includes(value);
}
