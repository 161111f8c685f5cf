import { AdminPage } from "@/components/admin/admin-page";
import { formatDate, formatDateTime } from "@/components/admin/format";
import { StatusBadge } from "@/components/admin/status-badge";
import { ActionButton } from "@/components/ui/action-button";
import { getDb } from "@/lib/db/client";
import { listWaitlist } from "@/lib/waitlist/list-waitlist";
import { requireAdminPage } from "../require-admin-page";
import { decideWaitlistEntryAction } from "./actions";
import { adminMetadata } from "../admin-metadata";

export const generateMetadata = adminMetadata({ title: "Waitlist" });

const statusTone = { approved: "good", rejected: "bad", withdrawn: "neutral", waiting: "brand" } as const;

const decisions = [
  { decision: "approve", label: "Approve", pendingLabel: "Approving…", variant: "primary" },
  { decision: "reject", label: "Reject", pendingLabel: "Rejecting…", variant: "danger" },
] as const;

export default async function AdminWaitlistPage() {
  const { waiting, decided } = await listWaitlist(getDb(), await requireAdminPage());
  return (
    <AdminPage title="Waitlist" lead="Approve to send an invitation (valid 14 days, with a single-use sign-in link); reject to close the request quietly.">
      <section aria-labelledby="waiting-heading">
        <h2 id="waiting-heading" className="text-base font-semibold">
          Waiting <span className="font-normal text-ink-soft">({waiting.length})</span>
        </h2>
        {waiting.length === 0 ? (
          <p className="mt-3 rounded-2xl border border-dashed border-line bg-paper p-6 text-sm text-ink-soft">Nobody is waiting.</p>
        ) : (
          <ul className="mt-3 space-y-3">
            {waiting.map((entry) => (
              <li key={entry.id.toString()} className="rounded-2xl border border-line bg-paper p-5" data-testid="waitlist-entry">
                <div className="flex flex-col gap-4 md:flex-row md:items-start md:justify-between">
                  <div className="min-w-0">
                    <p className="flex flex-wrap items-center gap-2">
                      <span className="font-semibold break-all">{entry.email}</span>
                      {entry.source === "capacity" ? <StatusBadge tone="warn">At capacity</StatusBadge> : null}
                    </p>
                    <p className="mt-1 text-xs text-ink-soft">Joined {formatDateTime(entry.createdAt)}</p>
                    {entry.building ? <p className="mt-3 text-sm leading-6 whitespace-pre-line">{entry.building}</p> : null}
                    {entry.link ? (
                      <a href={entry.link} rel="noopener noreferrer nofollow" target="_blank" className="mt-2 inline-block text-sm font-medium break-all text-brand hover:text-brand-strong">
                        {entry.link}
                      </a>
                    ) : null}
                  </div>
                  <div className="flex shrink-0 gap-2">
                    {decisions.map(({ decision, label, pendingLabel, variant }) => (
                      <ActionButton
                        key={decision}
                        action={decideWaitlistEntryAction}
                        fields={{ entryId: entry.id.toString(), decision }}
                        label={label}
                        pendingLabel={pendingLabel}
                        variant={variant}
                        ariaLabel={`${label} ${entry.email}`}
                        className="w-28"
                      />
                    ))}
                  </div>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      {decided.length > 0 ? (
        <section aria-labelledby="decided-heading" className="rounded-2xl border border-line bg-paper p-6">
          <h2 id="decided-heading" className="text-base font-semibold">Recently decided</h2>
          <ul className="mt-3 divide-y divide-line text-sm">
            {decided.map((entry) => (
              <li key={entry.id.toString()} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-3">
                <span className="min-w-0 break-all">{entry.email}</span>
                <span className="flex items-center gap-3 text-ink-soft">
                  {entry.decidedAt ? formatDate(entry.decidedAt) : null}
                  <StatusBadge tone={statusTone[entry.status]}>{entry.status}</StatusBadge>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </AdminPage>
  );
}
