// The /admin/payments filters and forms, parsed on the server. No `server-only`: plain zod.
import { z } from "zod";

export const eventListOutcomes = ["applied", "duplicate", "ignored", "failed"] as const;
export type EventListOutcome = (typeof eventListOutcomes)[number];

/** Pages beyond this are not offered: the list is for today's problems, not an archive (offset paging). */
export const MAX_EVENT_PAGE = 100;

export const EVENT_PAGE_SIZE = 25;

export const stripeEventIdSchema = z
  .string()
  .regex(/^evt_[A-Za-z0-9_]{1,200}$/, { error: "That is not a Stripe event id." });

export const replayStripeEventSchema = z.object({ eventId: stripeEventIdSchema });

// Search parameters a stranger can type: anything unknown falls back to "all" or page 1, never an error
// page, since a filter link is only a convenience.
export const eventFilterSchema = z.object({
  outcome: z.enum(eventListOutcomes).optional().catch(undefined),
  type: z
    .string()
    .trim()
    .regex(/^[a-z_]+(\.[a-z_]+){0,4}$/)
    .max(100)
    .optional()
    .catch(undefined),
  /** One event by its id (pasted from Stripe's dashboard or a log line). */
  id: stripeEventIdSchema.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(MAX_EVENT_PAGE).optional().catch(undefined),
});
export type EventFilter = z.infer<typeof eventFilterSchema>;
