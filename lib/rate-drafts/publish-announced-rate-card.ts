import "server-only";
import { publishRateCardIn, type PublishRateCardOptions } from "@/lib/billing/publish-rate-card";
import type { Resource } from "@/lib/billing/resources";
import type { Database } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { announceIfRaised } from "./announce-price-rise";

/**
 * publishRateCard for automation (`npm run rates:publish`): no operator and so no audit entry, but the
 * customers are told of a rise exactly as when an operator publishes a draft, in the same transaction.
 */
export async function publishAnnouncedRateCard(
  db: Database,
  options: PublishRateCardOptions & { resourceNames: Record<Resource, string> },
): Promise<{ version: number; raised: Resource[]; emailsOwed: number }> {
  return runTransaction(db, async (tx) => {
    const { version } = await publishRateCardIn(tx, options);
    const { raised, emailsOwed } = await announceIfRaised(tx, {
      version,
      effectiveFrom: options.effectiveFrom,
      entries: options.entries,
      resourceNames: options.resourceNames,
    });
    return { version, raised, emailsOwed };
  });
}
