import "server-only";
// Every page server call of the zero-JS pages with its implementation (lib/actions/page-server-call.ts):
// instrumentation.ts registers them when the server starts; scripts/snapshot-page-reads.ts takes the reads
// before `next build` prerenders, which never runs register(). One list, so the two cannot drift.
import type { PageServerRead } from "@/lib/actions/page-server-call";
import { contactsPageCall } from "@/lib/billing-contacts/contacts-page-call";
import { contactsPageCalls } from "@/lib/billing-contacts/contacts-page-calls";
import { getPricing } from "@/lib/pricing/get-pricing";
import { pricingRead } from "@/lib/pricing/pricing-page-call";
import { readSiteProps } from "@/lib/site/read-site-props";
import { sitePropsRead } from "@/lib/site/site-props";
import { waitlistClosedRead, waitlistPageCall } from "@/lib/waitlist/waitlist-page-call";
import { isWaitlistClosed, waitlistPageCalls } from "@/lib/waitlist/waitlist-page-calls";

function readWith<T>(read: PageServerRead<T>, implementation: () => Promise<T>) {
  return { name: read.name, register: () => read.register(implementation), take: implementation };
}

// Each read with what answers it; a read takes no argument and returns JSON.
const READS = [
  readWith(sitePropsRead, readSiteProps),
  readWith(pricingRead, () => getPricing()),
  readWith(waitlistClosedRead, isWaitlistClosed),
];

/** Called once per server process by instrumentation.ts's register(). */
export function registerPageServerCalls(): void {
  for (const read of READS) read.register();
  waitlistPageCall.register(waitlistPageCalls);
  contactsPageCall.register(contactsPageCalls);
}

/** What each read answers now, by name: the build's snapshot (scripts/snapshot-page-reads.ts). */
export async function snapshotPageReads(): Promise<Record<string, unknown>> {
  const entries = await Promise.all(READS.map(async (read) => [read.name, await read.take()] as const));
  return Object.fromEntries(entries);
}
