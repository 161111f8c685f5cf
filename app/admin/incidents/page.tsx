import Link from "next/link";
import { AdminListRow } from "@/components/admin/admin-list-row";
import { AdminPage } from "@/components/admin/admin-page";
import { AdminListSection } from "@/components/admin/admin-list-section";
import { formatDateTime } from "@/components/admin/format";
import { StatusBadge } from "@/components/admin/status-badge";
import { Money } from "@/components/ui/money";
import { listIncidents } from "@/lib/admin/list-incidents";
import { getDb } from "@/lib/db/client";
import { adminMetadata } from "../admin-metadata";
import { requireAdminPage } from "../require-admin-page";

export const generateMetadata = adminMetadata({ title: "Incidents" });

export default async function AdminIncidentsPage() {
  const incidents = await listIncidents(getDb(), await requireAdminPage());
  return (
    <AdminPage
      title="Incidents"
      lead="Declare an outage to credit back what its usage cost each affected account, once, with its title on their statements."
    >
      <p>
        <Link
          href="/admin/incidents/new"
          className="bg-brand text-on-brand hover:bg-brand-strong inline-block rounded-lg px-4 py-2.5 text-sm font-semibold"
        >
          Declare an incident
        </Link>
      </p>
      <AdminListSection id="incidents" title="All incidents" emptyText="No incidents declared.">
        {incidents.map((incident) => (
          <AdminListRow
            key={incident.id.toString()}
            testId="incident-row"
            heading={
              <>
                <Link
                  href={`/admin/incidents/${incident.id}`}
                  className="text-brand hover:text-brand-strong font-medium break-all"
                >
                  {incident.title}
                </Link>
                {incident.creditedAt ? (
                  <StatusBadge tone="good">Credited</StatusBadge>
                ) : (
                  <StatusBadge tone="warn">Not credited</StatusBadge>
                )}
              </>
            }
            details={
              <>
                {formatDateTime(incident.startsAt)} to {formatDateTime(incident.endsAt)} ·{" "}
                {incident.isAllSpaces ? "every space" : "listed spaces"} · declared by{" "}
                {incident.declaredByEmail ?? "an operator"}
                {incident.creditedAt ? (
                  <>
                    {" "}
                    · <Money micros={incident.creditedMicros ?? 0n} /> to {incident.creditedAccounts}{" "}
                    {incident.creditedAccounts === 1 ? "account" : "accounts"}
                  </>
                ) : null}
              </>
            }
            action={null}
          />
        ))}
      </AdminListSection>
    </AdminPage>
  );
}
