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

/** `sum(t.cpu_ms) as cpu_ms, sum(t.cpu_ms_cost) as cpu_ms_cost, …`: a wide row summed column by column. */
export function sumColumns(alias: string): SQL {
  return sql.raw(RESOURCES.flatMap((resource) => [resource, `${resource}_cost`]).map((column) => `sum(${alias}.${column}) as ${column}`).join(", "));
}

/** `t.cpu_ms, t.cpu_ms_cost, …`: a wide row's columns as they are. */
export function allColumns(alias: string): SQL {
  return sql.raw(RESOURCES.flatMap((resource) => [resource, `${resource}_cost`]).map((column) => `${alias}.${column}`).join(", "));
}

/** How many resources of a wide row have units or cost: the number of table rows it becomes. */
export function nonZeroCount(alias: string): SQL {
  return sql.raw(RESOURCES.map((resource) => `(${alias}.${resource} <> 0 or ${alias}.${resource}_cost <> 0)::int`).join(" + "));
}
