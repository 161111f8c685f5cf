import Link from "next/link";
import { AdminPage } from "@/components/admin/admin-page";
import { formatDateTime } from "@/components/admin/format";
import { NewDraftForm } from "@/components/admin/new-draft-form";
import { StatusBadge } from "@/components/admin/status-badge";
import { RateTable } from "@/components/marketing/rate-table";
import { getRateCardsOverview, type RateCardRow } from "@/lib/admin/get-rate-cards-overview";
import { toPublicRateCard } from "@/lib/admin/public-rate-card";
import { getDb } from "@/lib/db/client";
import { requireAdminPage } from "../require-admin-page";
import { adminMetadata } from "../admin-metadata";
import { createRateDraftAction } from "./actions";

export const generateMetadata = adminMetadata({ title: "Rate cards" });

const statusTone = { "in force": "good", scheduled: "brand", past: "neutral" } as const;

function CardDates({ card }: { card: RateCardRow }) {
  return (
    <>
      effective from <time dateTime={card.effectiveFrom.toISOString()}>{formatDateTime(card.effectiveFrom)}</time> ·
      published <time dateTime={card.publishedAt.toISOString()}>{formatDateTime(card.publishedAt)}</time>
    </>
  );
}

export default async function AdminRatesPage() {
  const { current, scheduled, history, drafts } = await getRateCardsOverview(getDb(), await requireAdminPage());
  const previousOf = (card: RateCardRow) => history.find((candidate) => candidate.version === card.version - 1);
  return (
    <AdminPage
      title="Rate cards"
      lead="The prices in force, what is scheduled, and drafts to preview and shadow-bill before publishing."
    >
      <section
        aria-labelledby="in-force-heading"
        className="border-line bg-paper rounded-2xl border p-6"
        data-testid="card-in-force"
      >
        <h2 id="in-force-heading" className="text-base font-semibold">
          In force{current ? `: v${current.version}` : ""}
        </h2>
        {current ? (
          <>
            <p className="text-ink-soft mt-1 text-sm">
              <CardDates card={current} />
            </p>
            <div className="mt-4">
              <RateTable card={toPublicRateCard(current)} caption={`Rate card v${current.version}, in force`} />
            </div>
          </>
        ) : (
          <p className="text-ink-soft mt-2 text-sm">No card is in force.</p>
        )}
      </section>

      {scheduled.map((card) => (
        <section
          key={card.id}
          aria-labelledby={`scheduled-${card.version}`}
          className="border-brand bg-paper rounded-2xl border p-6"
          data-testid="card-scheduled"
        >
          <h2 id={`scheduled-${card.version}`} className="text-base font-semibold">
            Scheduled: v{card.version} from {formatDateTime(card.effectiveFrom)}
          </h2>
          <p className="text-ink-soft mt-1 text-sm">
            Shown on the pricing page as upcoming until then. Changed prices say what they were.
          </p>
          <div className="mt-4">
            <RateTable
              card={toPublicRateCard(card)}
              previous={previousOf(card) && toPublicRateCard(previousOf(card)!)}
              caption={`Rate card v${card.version}, scheduled`}
            />
          </div>
        </section>
      ))}

      <section aria-labelledby="drafts-heading" className="border-line bg-paper rounded-2xl border">
        <div className="p-6">
          <h2 id="drafts-heading" className="mb-1 text-base font-semibold">
            Drafts
          </h2>
          <p className="text-ink-soft mb-5 text-sm">
            A draft starts as a copy of the latest published card; change its prices, preview and shadow-bill it, then
            publish it for a future hour.
          </p>
          <NewDraftForm action={createRateDraftAction} />
        </div>
        {drafts.length === 0 ? (
          <p className="border-line text-ink-soft border-t px-6 py-4 text-sm">No drafts yet.</p>
        ) : (
          <ul className="divide-line border-line divide-y border-t">
            {drafts.map((draft) => (
              <li
                key={draft.id.toString()}
                className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-6 py-4"
                data-testid="rate-draft-row"
              >
                <p className="flex flex-wrap items-center gap-2">
                  <Link
                    href={`/admin/rates/drafts/${draft.id}`}
                    className="text-brand font-medium underline underline-offset-4"
                  >
                    {draft.name}
                  </Link>
                  {draft.publishedVersion === null ? (
                    <StatusBadge>Draft</StatusBadge>
                  ) : (
                    <StatusBadge tone="good">{`Published as v${draft.publishedVersion}`}</StatusBadge>
                  )}
                </p>
                <p className="text-ink-soft text-sm">edited {formatDateTime(draft.updatedAt)}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="history-heading" className="border-line bg-paper rounded-2xl border p-6">
        <h2 id="history-heading" className="text-base font-semibold">
          History
        </h2>
        <p className="text-ink-soft mt-1 text-sm">
          Every version, newest first. A usage hour is always priced by the card in force for that hour.
        </p>
        <ul className="mt-4 space-y-3">
          {history.map((card) => (
            <li key={card.id} data-testid="rate-card-history-row">
              <details className="border-line rounded-xl border">
                <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 text-sm">
                  <span className="font-semibold">v{card.version}</span>
                  <StatusBadge tone={statusTone[card.status]}>{card.status}</StatusBadge>
                  <span className="text-ink-soft">
                    <CardDates card={card} />
                  </span>
                </summary>
                <div className="border-line border-t p-4">
                  <RateTable
                    card={toPublicRateCard(card)}
                    previous={previousOf(card) && toPublicRateCard(previousOf(card)!)}
                    caption={`Rate card v${card.version}`}
                  />
                </div>
              </details>
            </li>
          ))}
        </ul>
      </section>
    </AdminPage>
  );
}
