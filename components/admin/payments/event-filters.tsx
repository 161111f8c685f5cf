import { eventListOutcomes, type EventFilter } from "@/lib/admin/payments-schemas";

const fieldClass = "mt-1 block w-full rounded-lg border border-line bg-paper px-3 py-2 text-sm text-ink";

const outcomeLabels: Record<(typeof eventListOutcomes)[number], string> = {
  applied: "Applied",
  duplicate: "Duplicate",
  ignored: "Ignored",
  failed: "Failed",
};

/** The event types the site acts on, offered as suggestions; any other type can be typed. */
const ACTED_ON_TYPES = [
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "checkout.session.async_payment_failed",
  "payment_intent.succeeded",
  "charge.refunded",
  "charge.dispute.created",
  "charge.dispute.closed",
];

/** Outcome and type filters for the events list: a plain GET form, so it works without JavaScript. */
export function EventFilters({ filter }: { filter: EventFilter }) {
  return (
    <form
      method="get"
      action="/admin/payments"
      className="border-line bg-paper grid gap-4 rounded-2xl border p-5 sm:grid-cols-2 sm:items-end lg:grid-cols-[12rem_1fr_1fr_auto]"
    >
      <label className="text-sm font-medium">
        Outcome
        <select name="outcome" defaultValue={filter.outcome ?? ""} className={fieldClass}>
          <option value="">Every outcome</option>
          {eventListOutcomes.map((outcome) => (
            <option key={outcome} value={outcome}>
              {outcomeLabels[outcome]}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium">
        Type
        <input
          name="type"
          list="event-types"
          defaultValue={filter.type ?? ""}
          placeholder="Every type"
          className={`${fieldClass} font-mono`}
        />
        <datalist id="event-types">
          {ACTED_ON_TYPES.map((type) => (
            <option key={type} value={type} />
          ))}
        </datalist>
      </label>
      <label className="text-sm font-medium">
        Event id
        <input
          name="id"
          defaultValue={filter.id ?? ""}
          placeholder="evt_…"
          spellCheck={false}
          className={`${fieldClass} font-mono`}
        />
      </label>
      <button
        type="submit"
        className="border-line bg-paper hover:border-brand hover:text-brand rounded-lg border px-4 py-2 text-sm font-semibold"
      >
        Filter
      </button>
    </form>
  );
}
