import { AdminPage } from "@/components/admin/admin-page";
import { formatDateTime } from "@/components/admin/format";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { getDb } from "@/lib/db/client";
import { requireAdminPage } from "../require-admin-page";
import { adminMetadata } from "../admin-metadata";

export const generateMetadata = adminMetadata({ title: "Audit log" });

function JsonBlock({ label, value }: { label: string; value: unknown }) {
  return (
    <div className="min-w-0">
      <p className="text-xs font-semibold tracking-wide text-ink-soft uppercase">{label}</p>
      {value === null || value === undefined ? (
        <p className="mt-1 text-sm text-ink-soft">Nothing (it did not exist)</p>
      ) : (
        <pre className="mt-1 overflow-x-auto rounded-lg bg-paper-soft p-3 font-mono text-xs leading-5">{JSON.stringify(value, null, 2)}</pre>
      )}
    </div>
  );
}

export default async function AdminAuditPage() {
  const entries = await listAuditLog(getDb(), await requireAdminPage());
  return (
    <AdminPage title="Audit log" lead="Every operator action, newest first: who, what, when, and the state before and after.">
      {entries.length === 0 ? (
        <p className="rounded-2xl border border-dashed border-line bg-paper p-6 text-sm text-ink-soft">No operator actions yet.</p>
      ) : (
        <ol className="space-y-3">
          {entries.map((entry) => (
            <li key={entry.id.toString()} className="rounded-2xl border border-line bg-paper p-5" data-testid="audit-entry">
              <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
                <p>
                  <span className="font-mono text-sm font-semibold text-brand">{entry.action}</span>
                  <span className="ml-2 font-mono text-sm text-ink-soft">{entry.target}</span>
                </p>
                <p className="text-sm text-ink-soft">
                  <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt)}</time> · {entry.actorEmail}
                </p>
              </div>
              <div className="mt-4 grid gap-3 md:grid-cols-2">
                <JsonBlock label="Before" value={entry.before} />
                <JsonBlock label="After" value={entry.after} />
              </div>
            </li>
          ))}
        </ol>
      )}
    </AdminPage>
  );
}
