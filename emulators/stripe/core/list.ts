import type Stripe from "stripe";
import { invalidRequestError } from "./errors";

export type PageParams = { limit?: number; starting_after?: string; ending_before?: string };
export type CreatedFilter = number | { gt?: number; gte?: number; lt?: number; lte?: number } | undefined;

// Stripe lists newest first; records keep insertion order, so reversing gives that order even
// when many objects share the same `created` second.
export function listNewestFirst<T>(record: Record<string, T>): T[] {
  return Object.values(record).reverse();
}

export function matchesCreated(created: number, filter: CreatedFilter): boolean {
  if (filter === undefined) return true;
  if (typeof filter === "number") return created === filter;
  if (filter.gt !== undefined && !(created > filter.gt)) return false;
  if (filter.gte !== undefined && !(created >= filter.gte)) return false;
  if (filter.lt !== undefined && !(created < filter.lt)) return false;
  if (filter.lte !== undefined && !(created <= filter.lte)) return false;
  return true;
}

function findCursor(items: ReadonlyArray<{ id: string }>, id: string, param: string): number {
  const index = items.findIndex((item) => item.id === id);
  if (index === -1) throw invalidRequestError(`No such object: '${id}'`, { param, code: "resource_missing" });
  return index;
}

export function paginateList<T extends { id: string }>(items: T[], params: PageParams, url: string): Stripe.ApiList<T> {
  const limit = params.limit ?? 10;
  if (limit < 1 || limit > 100) {
    throw invalidRequestError("Invalid limit: must be between 1 and 100", { param: "limit" });
  }
  if (params.starting_after !== undefined) {
    const start = findCursor(items, params.starting_after, "starting_after") + 1;
    const data = items.slice(start, start + limit);
    return { object: "list", data, has_more: start + limit < items.length, url };
  }
  if (params.ending_before !== undefined) {
    const end = findCursor(items, params.ending_before, "ending_before");
    const start = Math.max(0, end - limit);
    return { object: "list", data: items.slice(start, end), has_more: start > 0, url };
  }
  return { object: "list", data: items.slice(0, limit), has_more: items.length > limit, url };
}
