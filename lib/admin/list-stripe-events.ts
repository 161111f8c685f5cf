import "server-only";
import { and, count, desc, eq, inArray, notExists, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { AppSession } from "@/lib/session/app-session";
import { requireAdmin } from "@/lib/session/require-admin";
import type { Queryable } from "@/lib/db/client";
import { stripeEventFailures, stripeEvents } from "@/lib/db/schema";
import { EVENT_PAGE_SIZE, type EventFilter, type EventListOutcome } from "./payments-schemas";

export type ListedStripeEvent = {
  id: string;
  type: string;
  objectId: string | null;
  receivedAt: Date;
  outcome: EventListOutcome;
  note: string | null;
  /** Failed attempts so far (an applied event may have failed before it got through). */
  failures: number;
  error: { code: string; message: string } | null;
};

export type StripeEventPage = { events: ListedStripeEvent[]; page: number; hasNext: boolean };

type FailureSummary = { failures: number; firstFailedAt: Date; error: { code: string; message: string } };

const latest = (column: AnyPgColumn) =>
  sql<string>`(array_agg(${column} order by ${stripeEventFailures.failedAt} desc, ${stripeEventFailures.id} desc))[1]`;

const failureFields = {
  eventId: stripeEventFailures.eventId,
  type: sql<string>`min(${stripeEventFailures.type})`,
  objectId: sql<string | null>`min(${stripeEventFailures.objectId})`,
  firstFailedAt: sql<Date>`min(${stripeEventFailures.failedAt})`.mapWith(stripeEventFailures.failedAt),
  failures: count(),
  errorCode: latest(stripeEventFailures.errorCode),
  errorMessage: latest(stripeEventFailures.errorMessage),
};

/** Events whose every attempt failed: failures and no `stripe_events` row (one that got through has one). */
const isUnresolved = (db: Queryable) =>
  notExists(
    db
      .select({ one: sql`1` })
      .from(stripeEvents)
      .where(eq(stripeEvents.id, stripeEventFailures.eventId)),
  );

async function failedEvents(db: Queryable, filter: EventFilter, limit: number): Promise<ListedStripeEvent[]> {
  const rows = await db
    .select(failureFields)
    .from(stripeEventFailures)
    .where(
      and(
        isUnresolved(db),
        filter.type ? eq(stripeEventFailures.type, filter.type) : undefined,
        filter.id ? eq(stripeEventFailures.eventId, filter.id) : undefined,
      ),
    )
    .groupBy(stripeEventFailures.eventId)
    .orderBy(desc(sql`min(${stripeEventFailures.failedAt})`), desc(stripeEventFailures.eventId))
    .limit(limit);
  return rows.map((row) => ({
    id: row.eventId,
    type: row.type,
    objectId: row.objectId,
    receivedAt: row.firstFailedAt,
    outcome: "failed",
    note: null,
    failures: row.failures,
    error: { code: row.errorCode, message: row.errorMessage },
  }));
}

async function failuresOf(db: Queryable, eventIds: string[]): Promise<Map<string, FailureSummary>> {
  if (eventIds.length === 0) return new Map();
  const rows = await db
    .select(failureFields)
    .from(stripeEventFailures)
    .where(inArray(stripeEventFailures.eventId, eventIds))
    .groupBy(stripeEventFailures.eventId);
  return new Map(
    rows.map((row) => [
      row.eventId,
      {
        failures: row.failures,
        firstFailedAt: row.firstFailedAt,
        error: { code: row.errorCode, message: row.errorMessage },
      },
    ]),
  );
}

async function handledEvents(db: Queryable, filter: EventFilter, limit: number): Promise<ListedStripeEvent[]> {
  const outcome = filter.outcome === "failed" ? undefined : filter.outcome;
  const rows = await db
    .select()
    .from(stripeEvents)
    .where(
      and(
        outcome ? eq(stripeEvents.outcome, outcome) : undefined,
        filter.type ? eq(stripeEvents.type, filter.type) : undefined,
        filter.id ? eq(stripeEvents.id, filter.id) : undefined,
      ),
    )
    .orderBy(desc(stripeEvents.receivedAt), desc(stripeEvents.id))
    .limit(limit);
  const failures = await failuresOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => {
    const failed = failures.get(row.id);
    return {
      id: row.id,
      type: row.type,
      objectId: row.objectId,
      // An event that failed first was received then, not when it finally got through.
      receivedAt: failed && failed.firstFailedAt < row.receivedAt ? failed.firstFailedAt : row.receivedAt,
      outcome: row.outcome,
      note: row.note,
      failures: failed?.failures ?? 0,
      error: failed?.error ?? null,
    };
  });
}

/**
 * The Stripe events received, newest first, by outcome and type (operators only), a page at a time.
 * Offset paging over both tables, each read at most to the end of the page asked for (and pages stop
 * at MAX_EVENT_PAGE): enough for today's problems; older ones are in Stripe's dashboard.
 */
export async function listStripeEvents(
  db: Queryable,
  session: AppSession | null,
  filter: EventFilter,
): Promise<StripeEventPage> {
  requireAdmin(session);
  const page = filter.page ?? 1;
  const end = page * EVENT_PAGE_SIZE + 1; // one more than the page, to know whether another follows
  const [failed, handled] = await Promise.all([
    filter.outcome === undefined || filter.outcome === "failed" ? failedEvents(db, filter, end) : [],
    filter.outcome === "failed" ? [] : handledEvents(db, filter, end),
  ]);
  const merged = [...failed, ...handled].sort(
    (a, b) => b.receivedAt.getTime() - a.receivedAt.getTime() || b.id.localeCompare(a.id),
  );
  const start = (page - 1) * EVENT_PAGE_SIZE;
  return {
    events: merged.slice(start, start + EVENT_PAGE_SIZE),
    page,
    hasNext: merged.length > start + EVENT_PAGE_SIZE,
  };
}
