import Link from "next/link";
import { AdminPage } from "@/components/admin/admin-page";
import { EventFilters } from "@/components/admin/payments/event-filters";
import { ReconciliationRunItem } from "@/components/admin/payments/reconciliation-run-item";
import { StripeEventRow } from "@/components/admin/payments/stripe-event-row";
import { ActionButton } from "@/components/ui/action-button";
import { FormMessage } from "@/components/ui/form-message";
import { listReconciliationRuns } from "@/lib/admin/list-reconciliation-runs";
import { listStripeEvents } from "@/lib/admin/list-stripe-events";
import { eventFilterSchema, type EventFilter } from "@/lib/admin/payments-schemas";
import { getDb } from "@/lib/db/client";
import { requireAdminPage } from "../require-admin-page";
import { adminMetadata } from "../admin-metadata";
import { replayStripeEventAction, runReconciliationNowAction } from "./actions";

export const generateMetadata = adminMetadata({ title: "Payments" });

type SearchParams = Record<string, string | string[] | undefined>;
type AdminPaymentsPageProps = { searchParams: Promise<SearchParams> };

const replayedMessages: Record<string, string> = {
  applied: "The event was fetched from Stripe and applied.",
  duplicate: "The event had already been applied: nothing changed.",
  ignored:
    "The event was fetched from Stripe: it asks nothing of us (a type we do not act on, or a payment that is not ours).",
};

function confirmationOf(params: SearchParams): string | undefined {
  if (typeof params.replayed === "string") return replayedMessages[params.replayed];
  if (typeof params.ran === "string" && /^\d{1,18}$/.test(params.ran))
    return "Reconciliation ran: its result is at the top of the runs below.";
  return undefined;
}

function pageHref(filter: EventFilter, page: number): string {
  const params = new URLSearchParams();
  if (filter.outcome) params.set("outcome", filter.outcome);
  if (filter.type) params.set("type", filter.type);
  if (filter.id) params.set("id", filter.id);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/admin/payments?${query}` : "/admin/payments";
}

const pagerLink =
  "border-line bg-paper hover:border-brand hover:text-brand rounded-lg border px-4 py-2 text-sm font-semibold";

export default async function AdminPaymentsPage({ searchParams }: AdminPaymentsPageProps) {
  const session = await requireAdminPage();
  const params = await searchParams;
  const filter = eventFilterSchema.parse({
    outcome: params.outcome || undefined,
    type: params.type || undefined,
    id: params.id || undefined,
    page: params.page,
  });
  const [events, runs] = await Promise.all([
    listStripeEvents(getDb(), session, filter),
    listReconciliationRuns(getDb(), session),
  ]);
  const confirmation = confirmationOf(params);
  const isFiltered = Boolean(filter.outcome || filter.type || filter.id);
  return (
    <AdminPage
      title="Payments"
      lead="Stripe's events as they arrived and what each came to, and the reconciliation runs that compare Stripe with the ledger."
    >
      {confirmation ? <FormMessage state={{ status: "success", message: confirmation }} /> : null}
      <section aria-labelledby="events-heading" className="space-y-3">
        <h2 id="events-heading" className="text-base font-semibold">
          Events, newest first
        </h2>
        <EventFilters filter={filter} />
        {events.events.length === 0 ? (
          <p className="border-line bg-paper text-ink-soft rounded-2xl border border-dashed p-6 text-sm">
            {isFiltered ? "No event matches these filters." : "No event from Stripe yet."}
          </p>
        ) : (
          <ul className="divide-line border-line bg-paper divide-y rounded-2xl border">
            {events.events.map((event) => (
              <StripeEventRow key={event.id} event={event} replayAction={replayStripeEventAction} />
            ))}
          </ul>
        )}
        {events.page > 1 || events.hasNext ? (
          <nav aria-label="Event pages" className="flex items-center justify-between gap-3">
            {events.page > 1 ? (
              <Link href={pageHref(filter, events.page - 1)} className={pagerLink}>
                Newer
              </Link>
            ) : (
              <span />
            )}
            <span className="text-ink-soft text-sm">Page {events.page}</span>
            {events.hasNext ? (
              <Link href={pageHref(filter, events.page + 1)} className={pagerLink}>
                Older
              </Link>
            ) : (
              <span />
            )}
          </nav>
        ) : null}
      </section>
      <section id="runs" aria-labelledby="runs-heading" className="space-y-3">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
          <div>
            <h2 id="runs-heading" className="text-base font-semibold">
              Reconciliation runs
            </h2>
            <p className="text-ink-soft text-sm">
              Every 15 minutes, over the last 7 days of payments. Missed credits are repaired; anything else is drift to
              look into.
            </p>
          </div>
          <ActionButton
            action={runReconciliationNowAction}
            label="Run now"
            pendingLabel="Reconciling…"
            variant="primary"
            className="shrink-0 sm:w-40"
          />
        </div>
        {runs.length === 0 ? (
          <p className="border-line bg-paper text-ink-soft rounded-2xl border border-dashed p-6 text-sm">
            No reconciliation has run yet.
          </p>
        ) : (
          <ol className="divide-line border-line bg-paper divide-y rounded-2xl border">
            {runs.map((run) => (
              <ReconciliationRunItem key={run.id.toString()} run={run} />
            ))}
          </ol>
        )}
      </section>
    </AdminPage>
  );
}
