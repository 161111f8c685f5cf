import Link from "next/link";
import { AdminPage } from "@/components/admin/admin-page";
import { PublishDraftForm } from "@/components/admin/publish-draft-form";
import { RateDraftForm } from "@/components/admin/rate-draft-form";
import { RateTable } from "@/components/marketing/rate-table";
import { ActionButton } from "@/components/ui/action-button";
import { getRateCardsOverview } from "@/lib/admin/get-rate-cards-overview";
import { toPublicRateCard } from "@/lib/admin/public-rate-card";
import { getDb } from "@/lib/db/client";
import { formatPrice } from "@/lib/pricing/format-price";
import { RESOURCE_COPY } from "@/lib/pricing/resource-copy";
import { formatDecimalPrice } from "@/lib/rate-drafts/parse-price";
import { priceField } from "@/lib/rate-drafts/rate-draft-schemas";
import { adminMetadata } from "../../../admin-metadata";
import { requireAdminPage } from "../../../require-admin-page";
import { discardRateDraftAction, publishRateDraftAction, updateRateDraftAction } from "../../actions";
import { loadDraft } from "./load-draft";

export const generateMetadata = adminMetadata({ title: "Rate card draft" });

/** Tomorrow at 00:00 UTC, as `datetime-local` writes it: the publish form's suggestion. */
function tomorrowUtc(now = new Date()): string {
  const tomorrow = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
  return tomorrow.toISOString().slice(0, 16);
}

export default async function AdminRateDraftPage({ params }: { params: Promise<{ id: string }> }) {
  const session = await requireAdminPage();
  const draft = await loadDraft(session, (await params).id);
  const { current, history } = await getRateCardsOverview(getDb(), session);
  const latest = history[0];
  const isPublished = draft.publishedVersion !== null;
  const preview = toPublicRateCard({
    version: draft.publishedVersion ?? (latest?.version ?? 0) + 1,
    effectiveFrom: new Date(),
    publishedAt: new Date(),
    entries: draft.entries,
  });
  const inForce = current?.entries;
  return (
    <AdminPage
      title={`Draft: ${draft.name}`}
      lead={
        isPublished
          ? `Published as rate card v${draft.publishedVersion}; kept as its record.`
          : "Prices are dollars per the unit shown, exact to the micro-dollar. Save, preview, shadow-bill, then publish for a future hour."
      }
    >
      <p className="text-sm">
        <Link href="/admin/rates" className="text-brand underline underline-offset-4">
          ← All rate cards
        </Link>
      </p>
      {isPublished ? null : (
        <section aria-labelledby="prices-heading" className="border-line bg-paper rounded-2xl border p-6">
          <h2 id="prices-heading" className="mb-5 text-base font-semibold">
            Prices
          </h2>
          <RateDraftForm
            action={updateRateDraftAction}
            draftId={draft.id.toString()}
            name={draft.name}
            prices={draft.entries.map((entry) => {
              const now = inForce?.get(entry.resource);
              return {
                name: priceField(entry.resource),
                label: `${RESOURCE_COPY[entry.resource].name}, $ per ${entry.unitLabel}`,
                hint: now ? `In force: ${formatPrice(now.priceMicros)} per ${now.unitLabel}` : "",
                value: formatDecimalPrice(entry.priceMicros),
              };
            })}
          />
        </section>
      )}

      <section
        aria-labelledby="preview-heading"
        className="border-line bg-paper rounded-2xl border p-6"
        data-testid="draft-preview"
      >
        <h2 id="preview-heading" className="text-base font-semibold">
          Preview
        </h2>
        <p className="text-ink-soft mt-1 mb-4 text-sm">
          The pricing page&apos;s price table with this draft&apos;s figures; changed prices say what they are today.
        </p>
        <RateTable
          card={preview}
          previous={current && toPublicRateCard(current)}
          caption={`Draft ${draft.name}, preview`}
        />
      </section>

      <section aria-labelledby="shadow-heading" className="border-line bg-paper rounded-2xl border p-6">
        <h2 id="shadow-heading" className="text-base font-semibold">
          Shadow bill
        </h2>
        <p className="text-ink-soft mt-1 mb-4 text-sm">
          What last month&apos;s real usage would have cost every account on this draft, against what it was billed.
        </p>
        <Link
          href={`/admin/rates/drafts/${draft.id}/shadow-bill`}
          className="border-line bg-paper hover:border-brand hover:text-brand inline-block rounded-lg border px-4 py-2 text-sm font-semibold"
        >
          Shadow-bill last month
        </Link>
      </section>

      {isPublished ? null : (
        <>
          <section aria-labelledby="publish-heading" className="border-line bg-paper rounded-2xl border p-6">
            <h2 id="publish-heading" className="mb-1 text-base font-semibold">
              Publish
            </h2>
            <p className="text-ink-soft mb-5 text-sm">
              The pricing page shows it as upcoming at once. If it raises any price, every customer gets one email
              announcing it.
            </p>
            <PublishDraftForm action={publishRateDraftAction} draftId={draft.id.toString()} suggested={tomorrowUtc()} />
          </section>
          <section aria-labelledby="discard-heading" className="border-line bg-paper rounded-2xl border p-6">
            <h2 id="discard-heading" className="mb-4 text-base font-semibold">
              Discard
            </h2>
            <ActionButton
              action={discardRateDraftAction}
              fields={{ draftId: draft.id.toString() }}
              label="Discard draft"
              pendingLabel="Discarding…"
              variant="danger"
              className="sm:w-48"
            />
          </section>
        </>
      )}
    </AdminPage>
  );
}
