import { formatDateTime } from "@/components/admin/format";
import { StatusBadge } from "@/components/admin/status-badge";
import { WaitlistBulkForm } from "@/components/admin/waitlist-bulk-form";
import { ActionButton } from "@/components/ui/action-button";
import type { FormAction } from "@/lib/actions/action-state";
import type { WaitlistPage, WaitlistRow } from "@/lib/admin/list-waitlist-page";
import type { WaitlistQuery } from "@/lib/admin/waitlist-query";

const BULK_FORM_ID = "waitlist-bulk";

const statusTone = { approved: "good", rejected: "bad", withdrawn: "neutral", waiting: "brand" } as const;
const statusLabel = { approved: "approved", rejected: "declined", withdrawn: "withdrawn", waiting: "waiting" } as const;

const decisions = [
  { decision: "approve", label: "Approve", pendingLabel: "Approving…", variant: "primary" },
  { decision: "reject", label: "Decline", pendingLabel: "Declining…", variant: "danger" },
] as const;

// Below lg each row is a card (a two-column grid: the checkbox, then everything else stacked), so a
// phone never scrolls sideways; from lg up the same markup is an ordinary table.
const cell = "col-start-2 lg:table-cell lg:px-3 lg:py-3 lg:align-top";

function Row({ entry, rowAction }: { entry: WaitlistRow; rowAction: FormAction }) {
  const isWaiting = entry.status === "waiting";
  return (
    <tr data-testid="waitlist-entry" className="grid grid-cols-[1.5rem_minmax(0,1fr)] gap-x-3 gap-y-2 px-5 py-4 lg:table-row lg:p-0">
      <td className="row-span-5 pt-0.5 lg:table-cell lg:py-3 lg:pr-1 lg:pl-5 lg:align-top">
        {isWaiting ? (
          <input type="checkbox" form={BULK_FORM_ID} name={`entry-${entry.id}`} aria-label={`Select ${entry.email}`} className="size-4 accent-brand" />
        ) : null}
      </td>
      <td className={cell}>
        <span className="font-semibold break-all">{entry.email}</span>
        {entry.source === "capacity" ? (
          <span className="ml-2 align-middle">
            <StatusBadge tone="warn">At capacity</StatusBadge>
          </span>
        ) : null}
      </td>
      <td className={`${cell} lg:max-w-md`}>
        {entry.building ? <p className="line-clamp-4 leading-6 break-words whitespace-pre-line">{entry.building}</p> : <span className="text-ink-soft">—</span>}
        {entry.link ? (
          <a href={entry.link} rel="noopener noreferrer nofollow" target="_blank" className="mt-1 inline-block font-medium break-all text-brand hover:text-brand-strong">
            {entry.link}
          </a>
        ) : null}
      </td>
      <td className={`${cell} text-ink-soft lg:whitespace-nowrap`}>
        <span className="lg:hidden">Joined </span>
        {formatDateTime(entry.createdAt)}
      </td>
      <td className={cell}>
        <StatusBadge tone={statusTone[entry.status]}>{statusLabel[entry.status]}</StatusBadge>
        {entry.decidedAt ? <span className="ml-2 text-xs text-ink-soft lg:ml-0 lg:mt-1 lg:block">{formatDateTime(entry.decidedAt)}</span> : null}
      </td>
      <td className={`${cell} lg:pr-5`}>
        {isWaiting ? (
          // The forms are `contents`, so a refusal (the account cap's is a few sentences) spans both
          // buttons' width below them instead of squeezing into one; `dense` keeps the buttons side by side.
          <div className="grid w-fit grid-flow-dense grid-cols-[7rem_7rem] gap-2">
            {decisions.map(({ decision, label, pendingLabel, variant }) => (
              <ActionButton
                key={decision}
                action={rowAction}
                fields={{ entryId: entry.id.toString(), decision }}
                label={label}
                pendingLabel={pendingLabel}
                variant={variant}
                ariaLabel={`${label} ${entry.email}`}
                className="contents"
                errorClassName="col-span-2"
              />
            ))}
          </div>
        ) : null}
      </td>
    </tr>
  );
}

/** The waitlist as a table: one page of entries, each selectable for the bulk decision above it. */
export function WaitlistTable({ result, query, bulkAction, rowAction }: { result: WaitlistPage; query: WaitlistQuery; bulkAction: FormAction; rowAction: FormAction }) {
  return (
    <section aria-labelledby="entries-heading" className="rounded-2xl border border-line bg-paper">
      <div className="space-y-4 p-5 sm:p-6">
        <h2 id="entries-heading" className="text-base font-semibold">
          Entries <span className="font-normal text-ink-soft">({result.total.toLocaleString("en-US")} {query.status === "any" ? "in all" : statusLabel[query.status]})</span>
        </h2>
        {result.rows.some((entry) => entry.status === "waiting") ? <WaitlistBulkForm action={bulkAction} formId={BULK_FORM_ID} /> : null}
      </div>
      {result.rows.length === 0 ? (
        <p className="border-t border-line p-6 text-sm text-ink-soft">{result.total === 0 ? "No entries match." : "This page is past the last one."}</p>
      ) : (
        <table className="block w-full border-t border-line text-sm lg:table">
          <caption className="sr-only">Waitlist entries, page {result.page} of {result.pageCount}</caption>
          <thead className="sr-only text-left text-xs text-ink-soft lg:not-sr-only lg:table-header-group">
            <tr>
              <th scope="col" className="py-2 pr-1 pl-5 font-medium">
                <span className="sr-only">Select</span>
              </th>
              <th scope="col" className="px-3 py-2 font-medium">Email</th>
              <th scope="col" className="px-3 py-2 font-medium">What they build</th>
              <th scope="col" className="px-3 py-2 font-medium">Joined</th>
              <th scope="col" className="px-3 py-2 font-medium">Status</th>
              <th scope="col" className="py-2 pr-5 pl-3 font-medium">
                <span className="sr-only">Decide</span>
              </th>
            </tr>
          </thead>
          <tbody className="block divide-y divide-line border-t border-line lg:table-row-group">
            {result.rows.map((entry) => (
              <Row key={entry.id.toString()} entry={entry} rowAction={rowAction} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
