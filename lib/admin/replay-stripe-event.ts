import "server-only";
import { eq, sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AppSession } from "@/lib/session/app-session";
import { requireAdmin } from "@/lib/session/require-admin";
import type { Database } from "@/lib/db/client";
import { stripeEventFailures, stripeEvents } from "@/lib/db/schema";
import { selectValues } from "@/lib/db/select-values";
import { AppError } from "@/lib/errors";
import { handleStripeEvent, type EventResult } from "@/lib/payments/handle-stripe-event";
import { retrieveStripeEvent } from "@/lib/payments/retrieve-stripe-event";

/**
 * Re-fetches an event we received from Stripe and handles it again (operators only), for a failed one
 * once its cause is fixed. The same exactly-once handling as a webhook delivery: an event already
 * handled changes nothing (`duplicate`). Audited in the transaction that records the outcome, a failure
 * again included (then the error is thrown for the operator to read).
 */
export async function replayStripeEvent(
  db: Database,
  session: AppSession | null,
  eventId: string,
): Promise<EventResult> {
  const admin = requireAdmin(session);
  // Only events that reached us: the console replays what we received, not any id Stripe knows.
  const { known } = await selectValues(db, {
    known: sql<boolean>`exists (${db
      .select({ one: sql`1` })
      .from(stripeEvents)
      .where(eq(stripeEvents.id, eventId))})
      or exists (${db
        .select({ one: sql`1` })
        .from(stripeEventFailures)
        .where(eq(stripeEventFailures.eventId, eventId))})`.mapWith(Boolean),
  });
  if (!known) throw new AppError("not_found", { message: "No event with that id was received." });
  const event = await retrieveStripeEvent(eventId);
  return handleStripeEvent(db, event, {
    onRecorded: (tx, handled) =>
      recordAudit(tx, {
        session: admin,
        action: "payments.replay_event",
        target: `stripe-event:${eventId}`,
        before: { type: event.type },
        after: handled,
      }),
  });
}
