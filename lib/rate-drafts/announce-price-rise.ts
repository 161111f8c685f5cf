import "server-only";
import { sql } from "drizzle-orm";
import type { RateCardEntryInput } from "@/lib/billing/publish-rate-card";
import { listRateCards, type RateCard } from "@/lib/billing/rate-cards";
import { formatMicros } from "@/lib/billing/rate-units";
import type { Resource } from "@/lib/billing/resources";
import type { Transaction } from "@/lib/db/client";
import { emailSubject } from "@/lib/email/render-email";
import type { PriceRiseData } from "@/lib/email/templates/price-rise";
import { raisedResources } from "./draft-entries";

/** "$0.045 per CPU-hour": the decimals the price needs (2 to 6), as the pricing page writes it. */
export function priceText(entry: { priceMicros: bigint; unitLabel: string }): string {
  let decimals = 2;
  while (decimals < 6 && entry.priceMicros % 10n ** BigInt(6 - decimals) !== 0n) decimals++;
  return `${formatMicros(entry.priceMicros, { decimals })} per ${entry.unitLabel}`;
}

export type AnnouncePriceRiseOptions = {
  version: number;
  effectiveFrom: Date;
  previous: RateCard;
  entries: RateCardEntryInput[];
  raised: Resource[];
  /** How people call each resource (the pricing page's names; this layer cannot import lib/pricing). */
  resourceNames: Record<Resource, string>;
};

/**
 * Owes every customer (a billing account whose owner still has an address and that is not closed) one
 * email about the rise, in the publishing transaction. One INSERT … SELECT rather than enqueueEmail per
 * account: the data is the same for everyone, and thousands of accounts stay one statement inside the
 * rate-card lock. The key names the card version and the account, so a retried publish, or the same
 * version announced twice, owes each account one email. The email sweep sends them
 * (lib/email/send-outbox-emails.ts). Returns how many were newly owed.
 */
export async function announcePriceRise(tx: Transaction, options: AnnouncePriceRiseOptions): Promise<number> {
  const data: PriceRiseData = {
    version: options.version,
    effectiveFrom: options.effectiveFrom.toISOString(),
    rises: options.raised.map((resource) => {
      const after = options.entries.find((entry) => entry.resource === resource)!;
      const before = options.previous.entries.get(resource)!;
      return { name: options.resourceNames[resource], before: priceText(before), after: priceText(after) };
    }),
  };
  const subject = emailSubject("price-rise", data);
  const inserted = await tx.execute(sql`
    insert into email_outbox (idempotency_key, template, to_address, subject, data, account_id)
    select ${`price-rise:v${options.version}:`} || b.id, 'price-rise', u.email, ${subject}, ${JSON.stringify(data)}::jsonb, b.id
    from billing_accounts b
    join "user" u on u.id = b.owner_user_id
    where u.email is not null and not exists (select 1 from account_closures c where c.account_id = b.id)
    on conflict (idempotency_key) do nothing`);
  return inserted.rowCount ?? 0;
}

export type AnnounceIfRaisedOptions = Pick<
  AnnouncePriceRiseOptions,
  "version" | "effectiveFrom" | "entries" | "resourceNames"
>;

/**
 * After publishing card `version` in `tx` (so the rate-card lock is held and the card it follows cannot
 * change): the resources it makes dearer than that card, and the emails owed about them, if any.
 */
export async function announceIfRaised(
  tx: Transaction,
  options: AnnounceIfRaisedOptions,
): Promise<{ previous: RateCard | undefined; raised: Resource[]; emailsOwed: number }> {
  const previous = (await listRateCards(tx)).filter((card) => card.version < options.version).at(-1);
  const raised = raisedResources(previous, options.entries);
  const emailsOwed = previous && raised.length > 0 ? await announcePriceRise(tx, { ...options, previous, raised }) : 0;
  return { previous, raised, emailsOwed };
}
