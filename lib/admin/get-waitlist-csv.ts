import "server-only";
import { toCsv } from "@/lib/account/csv";
import type { AppSession } from "@/lib/session/app-session";
import { requireAdmin } from "@/lib/session/require-admin";
import type { Queryable } from "@/lib/db/client";
import { waitlistEntries } from "@/lib/db/schema";
import { waitlistFilter, waitlistOrder, waitlistRowColumns } from "./list-waitlist-page";
import type { WaitlistQuery } from "./waitlist-query";

/** A bound on one download: past it the CSV says so in its last line instead of growing without end. */
export const MAX_WAITLIST_CSV_ROWS = 50_000;

const HEADER = ["id", "email", "status", "source", "joined_at", "decided_at", "building", "link"];

/**
 * Every entry the query matches (all pages, in the table's order) as RFC 4180 CSV through the account
 * CSVs' writer (toCsv: quoting, and a leading apostrophe on text a spreadsheet would run as a formula;
 * what people type into the waitlist form is exactly such text). Operators only.
 */
export async function getWaitlistCsv(db: Queryable, session: AppSession | null, query: WaitlistQuery): Promise<string> {
  requireAdmin(session);
  const rows = await db
    .select(waitlistRowColumns)
    .from(waitlistEntries)
    .where(waitlistFilter(query))
    .orderBy(...waitlistOrder(query))
    .limit(MAX_WAITLIST_CSV_ROWS + 1);
  const body = rows
    .slice(0, MAX_WAITLIST_CSV_ROWS)
    .map((row) => [row.id, row.email, row.status, row.source, row.createdAt.toISOString(), row.decidedAt?.toISOString() ?? null, row.building, row.link]);
  if (rows.length > MAX_WAITLIST_CSV_ROWS) body.push([null, `(more than ${MAX_WAITLIST_CSV_ROWS} entries match: narrow the filter)`, null, null, null, null, null, null]);
  return toCsv(HEADER, body);
}
