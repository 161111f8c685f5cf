import "server-only";
import { and, asc, desc, eq, gte, ilike, lt, or, type SQL } from "drizzle-orm";
import type { AppSession } from "@/lib/session/app-session";
import { requireAdmin } from "@/lib/session/require-admin";
import type { Queryable } from "@/lib/db/client";
import { waitlistEntries } from "@/lib/db/schema";
import { joinedWindow, WAITLIST_PAGE_SIZE, type WaitlistQuery } from "./waitlist-query";

export const waitlistRowColumns = {
  id: waitlistEntries.id,
  email: waitlistEntries.email,
  building: waitlistEntries.building,
  link: waitlistEntries.link,
  status: waitlistEntries.status,
  source: waitlistEntries.source,
  decidedAt: waitlistEntries.decidedAt,
  createdAt: waitlistEntries.createdAt,
};

export type WaitlistRow = Omit<typeof waitlistEntries.$inferSelect, "withdrawTokenHash" | "decidedBy">;

export type WaitlistPage = { rows: WaitlistRow[]; total: number; page: number; pageCount: number };

// The search is a substring: % and _ typed by the operator are characters, not LIKE wildcards.
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The WHERE of a query: the table and its CSV export select exactly the same rows. */
export function waitlistFilter(query: WaitlistQuery): SQL | undefined {
  const { since, before } = joinedWindow(query);
  return and(
    query.status === "any" ? undefined : eq(waitlistEntries.status, query.status),
    since ? gte(waitlistEntries.createdAt, since) : undefined,
    before ? lt(waitlistEntries.createdAt, before) : undefined,
    query.q ? or(ilike(waitlistEntries.email, likePattern(query.q)), ilike(waitlistEntries.building, likePattern(query.q))) : undefined,
  );
}

/** The ORDER BY of a query; the id breaks ties so pages never repeat or skip a row. */
export function waitlistOrder(query: WaitlistQuery): SQL[] {
  const direction = query.order === "newest" ? desc : asc;
  return [direction(waitlistEntries.createdAt), direction(waitlistEntries.id)];
}

/**
 * One page (50 rows) of the waitlist for the operators' table, filtered and ordered as the query says,
 * with the total so the page can say how many match and link the other pages.
 */
export async function listWaitlistPage(db: Queryable, session: AppSession | null, query: WaitlistQuery): Promise<WaitlistPage> {
  requireAdmin(session);
  const where = waitlistFilter(query);
  const [rows, total] = await Promise.all([
    db
      .select(waitlistRowColumns)
      .from(waitlistEntries)
      .where(where)
      .orderBy(...waitlistOrder(query))
      .limit(WAITLIST_PAGE_SIZE)
      .offset((query.page - 1) * WAITLIST_PAGE_SIZE),
    db.$count(waitlistEntries, where),
  ]);
  return { rows, total, page: query.page, pageCount: Math.max(1, Math.ceil(total / WAITLIST_PAGE_SIZE)) };
}
