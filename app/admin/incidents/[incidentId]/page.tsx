import Link from "next/link";
import { notFound } from "next/navigation";
import { AdminPage } from "@/components/admin/admin-page";
import { formatDateTime } from "@/components/admin/format";
import { IncidentCreditTable } from "@/components/admin/incident-credit-table";
import { ActionButton } from "@/components/ui/action-button";
import { Fact } from "@/components/ui/fact";
import { Money } from "@/components/ui/money";
import { Notice } from "@/components/ui/notice";
import { getIncident } from "@/lib/admin/get-incident";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { formatCents, formatExactMicros } from "@/lib/format/money";
import { draftChangelogEntry } from "@/lib/incidents/draft-changelog-entry";
import { HOUR_MS } from "@/lib/incidents/incident-window";
import { adminMetadata } from "../../admin-metadata";
import { requireAdminPage } from "../../require-admin-page";
import { creditIncidentAction } from "../actions";

export const generateMetadata = adminMetadata({ title: "Incident" });

const SHOWN_ACCOUNTS = 200;
const factValue = "mt-1 font-medium break-words";

type Props = { params: Promise<{ incidentId: string }>; searchParams: Promise<{ draft?: string | string[] }> };

export default async function AdminIncidentPage({ params, searchParams }: Props) {
  const session = await requireAdminPage();
  const { incidentId } = await params;
  if (!/^\d{1,18}$/.test(incidentId)) notFound();
  const { incident, spaces, hours, preview, credits } = await getIncident(getDb(), session, BigInt(incidentId)).catch(
    (error: unknown) => {
      // An incident that does not exist is the ordinary 404, as any unknown address.
      if (error instanceof AppError && error.code === "not_found") notFound();
      throw error;
    },
  );
  const isDrafting = (await searchParams).draft === "changelog";
  const draft = isDrafting ? draftChangelogEntry(incident, new Date()) : null;
  const accounts = preview?.accounts ?? [];
  const hourCount = (hours.to.getTime() - hours.from.getTime()) / HOUR_MS;
  return (
    <AdminPage
      title={incident.title}
      lead={`From ${formatDateTime(incident.startsAt)} to ${formatDateTime(incident.endsAt)}, declared by ${incident.declaredByEmail ?? "an operator"}.`}
    >
      <p>
        <Link href="/admin/incidents" className="text-brand hover:text-brand-strong text-sm font-medium">
          ← All incidents
        </Link>
      </p>
      <section aria-labelledby="incident-heading" className="border-line bg-paper rounded-2xl border p-6">
        <h2 id="incident-heading" className="text-base font-semibold">
          The incident
        </h2>
        <dl className="mt-4 grid gap-4 text-sm sm:grid-cols-2">
          <Fact term="Hours credited (UTC, whole hours)" className={factValue} testId="incident-hours">
            {formatDateTime(hours.from)} to {formatDateTime(hours.to)} ({hourCount} {hourCount === 1 ? "hour" : "hours"}
            )
          </Fact>
          <Fact term="Affected spaces" className={factValue}>
            {incident.isAllSpaces ? "Every space" : spaces.join(", ")}
          </Fact>
          {incident.summary ? (
            <Fact term="What happened" className={`${factValue} whitespace-pre-line`}>
              {incident.summary}
            </Fact>
          ) : null}
          <Fact term="Status" className={factValue} testId="incident-status">
            {incident.creditedAt
              ? `Credited ${formatDateTime(incident.creditedAt)} by ${incident.creditedByEmail ?? "an operator"}`
              : "Not credited yet"}
          </Fact>
        </dl>
      </section>

      {preview ? (
        <section aria-labelledby="preview-heading" className="border-line bg-paper space-y-4 rounded-2xl border p-6">
          <h2 id="preview-heading" className="text-base font-semibold">
            What confirming credits
          </h2>
          <p className="text-ink-soft text-sm">
            What the affected usage in these hours was billed, from the stored usage hours, each priced by the rate card
            in force for its hour. Usage written off past an account&apos;s floor was never paid and is not credited.
            Usage reported after you confirm is not credited.
          </p>
          <dl className="grid gap-4 text-sm sm:grid-cols-3">
            <Fact term="Usage billed" className={factValue}>
              <Money micros={preview.totals.billedMicros} />
            </Fact>
            <Fact term="Written off (not credited)" className={factValue}>
              <Money micros={preview.totals.writtenOffMicros} />
            </Fact>
            <Fact
              term={`Credit to ${accounts.length} ${accounts.length === 1 ? "account" : "accounts"}`}
              className={`${factValue} text-lg`}
              testId="incident-credit-total"
            >
              <Money micros={preview.totals.creditMicros} />{" "}
              <span className="text-ink-soft block text-xs font-normal">
                {formatExactMicros(preview.totals.creditMicros)} exactly
              </span>
            </Fact>
          </dl>
          {preview.cards.length > 0 ? (
            <ul className="text-ink-soft text-sm" data-testid="incident-cards">
              {preview.cards.map((card) => (
                <li key={card.version}>
                  {card.version === 0 ? "No rate card" : `Rate card v${card.version}`}: {card.hours}{" "}
                  {card.hours === 1 ? "hour" : "hours"} with usage, {formatCents(card.billedMicros)} billed
                </li>
              ))}
            </ul>
          ) : null}
          {accounts.length === 0 ? (
            <p className="border-line text-ink-soft rounded-xl border border-dashed p-4 text-sm">
              No affected usage was billed in these hours: there is nothing to credit.
            </p>
          ) : (
            <>
              <IncidentCreditTable
                label="What each account would be credited"
                rows={accounts.slice(0, SHOWN_ACCOUNTS)}
                isPreview
              />
              {accounts.length > SHOWN_ACCOUNTS ? (
                <p className="text-ink-soft text-sm">
                  The {SHOWN_ACCOUNTS} largest of {accounts.length} accounts are shown; all are credited.
                </p>
              ) : null}
              <ActionButton
                action={creditIncidentAction}
                fields={{ incidentId: incident.id.toString() }}
                label={`Credit ${accounts.length} ${accounts.length === 1 ? "account" : "accounts"} ${formatCents(preview.totals.creditMicros)}`}
                pendingLabel="Crediting…"
                variant="primary"
                className="sm:w-max"
              />
            </>
          )}
        </section>
      ) : (
        <section aria-labelledby="credits-heading" className="border-line bg-paper space-y-4 rounded-2xl border p-6">
          <h2 id="credits-heading" className="text-base font-semibold">
            Credits posted
          </h2>
          <Notice
            tone="success"
            title={`${formatCents(incident.creditedMicros ?? 0n)} credited to ${incident.creditedAccounts ?? 0} ${incident.creditedAccounts === 1 ? "account" : "accounts"}`}
          >
            Each account got one credit titled &ldquo;{incident.title}&rdquo; on its statement. Confirming again credits
            nothing.
          </Notice>
          {credits.length > 0 ? (
            <IncidentCreditTable
              label="The credit each account got"
              rows={credits.map((credit) => ({
                accountId: credit.accountId,
                email: credit.email,
                creditMicros: credit.amountMicros,
              }))}
              isPreview={false}
            />
          ) : null}
        </section>
      )}

      <section aria-labelledby="changelog-heading" className="border-line bg-paper space-y-4 rounded-2xl border p-6">
        <h2 id="changelog-heading" className="text-base font-semibold">
          Changelog
        </h2>
        {draft ? (
          <div>
            <label htmlFor="changelog-draft" className="block text-sm font-medium">
              Draft for <code className="font-mono">{draft.fileName}</code>
            </label>
            <p className="text-ink-soft mt-1 text-xs">
              Edit it, then commit it to the repository: the site does not write files.
            </p>
            <textarea
              id="changelog-draft"
              readOnly
              rows={12}
              defaultValue={draft.markdown}
              className="border-line bg-paper mt-1.5 block w-full rounded-lg border px-3 py-2 font-mono text-sm"
            />
          </div>
        ) : (
          <Link
            href={`/admin/incidents/${incident.id}?draft=changelog`}
            className="border-line bg-paper hover:border-brand hover:text-brand inline-block rounded-lg border px-4 py-2 text-sm font-semibold"
          >
            Draft changelog entry
          </Link>
        )}
      </section>
    </AdminPage>
  );
}
