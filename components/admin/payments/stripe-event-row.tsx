import { formatDateTime } from "@/components/admin/format";
import { StatusBadge } from "@/components/admin/status-badge";
import { ActionButton } from "@/components/ui/action-button";
import type { FormAction } from "@/lib/actions/action-state";
import type { ListedStripeEvent } from "@/lib/admin/list-stripe-events";

const outcomeTone = { applied: "good", duplicate: "neutral", ignored: "neutral", failed: "bad" } as const;
const outcomeLabel = { applied: "Applied", duplicate: "Duplicate", ignored: "Ignored", failed: "Failed" } as const;

/** One Stripe event: what it was, when it came, what handling it came to; a failed one can be replayed. */
export function StripeEventRow({ event, replayAction }: { event: ListedStripeEvent; replayAction: FormAction }) {
  const tries = event.failures === 1 ? "1 failed try" : `${event.failures.toLocaleString("en-US")} failed tries`;
  return (
    <li
      className="flex flex-col gap-3 px-4 py-4 sm:flex-row sm:items-center sm:justify-between sm:px-6"
      data-testid="stripe-event"
    >
      <div className="min-w-0">
        <p className="flex flex-wrap items-center gap-2">
          <span className="font-mono text-sm font-semibold break-all">{event.type}</span>
          <StatusBadge tone={outcomeTone[event.outcome]}>{outcomeLabel[event.outcome]}</StatusBadge>
          {event.note ? <span className="text-ink-soft text-sm">{event.note}</span> : null}
        </p>
        <p className="text-ink-soft mt-1 text-sm">
          <time dateTime={event.receivedAt.toISOString()}>{formatDateTime(event.receivedAt)}</time>
          {event.failures > 0 ? ` · ${tries}` : null}
        </p>
        <p className="text-ink-soft mt-1 font-mono text-xs break-all">
          {event.id}
          {event.objectId ? ` · ${event.objectId}` : null}
        </p>
        {event.error ? (
          <p className={`mt-1 text-sm ${event.outcome === "failed" ? "text-danger" : "text-ink-soft"}`}>
            {event.outcome === "failed" ? "Error" : "Last error before it got through"}:{" "}
            <span className="font-mono">{event.error.code}</span> — {event.error.message}
          </p>
        ) : null}
      </div>
      {event.outcome === "failed" ? (
        <ActionButton
          action={replayAction}
          fields={{ eventId: event.id }}
          label="Fetch and apply again"
          pendingLabel="Applying…"
          variant="primary"
          ariaLabel={`Fetch and apply again: ${event.id}`}
          className="shrink-0 sm:w-60"
        />
      ) : null}
    </li>
  );
}
