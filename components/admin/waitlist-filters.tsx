import { waitlistSearchParams, type WaitlistQuery } from "@/lib/admin/waitlist-query";
import { waitlistStatuses } from "@/lib/db/schema/waitlist";

const fieldClass = "mt-1 block w-full rounded-lg border border-line bg-paper px-3 py-2 text-sm text-ink";
const buttonClass = {
  primary: "inline-flex items-center justify-center rounded-lg border border-transparent bg-brand px-4 py-2 text-sm font-semibold text-on-brand hover:bg-brand-strong",
  secondary: "inline-flex items-center justify-center rounded-lg border border-line bg-paper px-4 py-2 text-sm font-semibold hover:border-brand hover:text-brand",
} as const;

const statusLabels: Record<WaitlistQuery["status"], string> = { any: "Any status", waiting: "Waiting", approved: "Approved", rejected: "Declined", withdrawn: "Withdrawn" };

/**
 * Search and filters of the waitlist table: a plain GET form, so every view is a link the back button
 * and a colleague can open, with or without JavaScript. The CSV link carries the same filter.
 */
export function WaitlistFilters({ query }: { query: WaitlistQuery }) {
  const csvQuery = waitlistSearchParams(query, { page: 1 });
  return (
    <form method="get" action="/admin/waitlist" role="search" aria-label="Waitlist" className="grid gap-4 rounded-2xl border border-line bg-paper p-5 sm:grid-cols-2 sm:p-6 lg:grid-cols-6">
      <label className="text-sm font-medium sm:col-span-2">
        Search email or what they build
        <input type="search" name="q" defaultValue={query.q ?? ""} maxLength={200} placeholder="ada@, chess, whiteboard…" className={fieldClass} />
      </label>
      <label className="text-sm font-medium">
        Status
        <select name="status" defaultValue={query.status} className={fieldClass}>
          {(["waiting", "any", ...waitlistStatuses.filter((status) => status !== "waiting")] as const).map((status) => (
            <option key={status} value={status}>
              {statusLabels[status]}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium">
        Joined from (UTC)
        <input type="date" name="from" defaultValue={query.from ?? ""} className={fieldClass} />
      </label>
      <label className="text-sm font-medium">
        Joined to (UTC)
        <input type="date" name="to" defaultValue={query.to ?? ""} title="Includes that whole day" className={fieldClass} />
      </label>
      <label className="text-sm font-medium">
        Order
        <select name="order" defaultValue={query.order} className={fieldClass}>
          <option value="newest">Newest first</option>
          <option value="oldest">Oldest first</option>
        </select>
      </label>
      <div className="flex flex-wrap gap-3 sm:col-span-2 lg:col-span-6">
        <button type="submit" className={buttonClass.primary}>
          Show entries
        </button>
        <a href="/admin/waitlist" className={buttonClass.secondary}>
          Clear filters
        </a>
        <a href={`/admin/waitlist/export${csvQuery ? `?${csvQuery}` : ""}`} className={buttonClass.secondary} download>
          Download CSV
        </a>
      </div>
    </form>
  );
}
