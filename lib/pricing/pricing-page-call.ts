// What /pricing (a zero-JS page, pages/pricing.tsx) asks the server for in getStaticProps: the handle,
// without the implementation (getPricing in lib/pricing/get-pricing.ts, registered by instrumentation.ts;
// see lib/actions/page-server-call.ts for why). No `server-only` here, by necessity; nothing here reads.
import { pageServerRead } from "@/lib/actions/page-server-call";
import type { PublicRateCard } from "./estimate";

// JSON: `upcoming` is null, not undefined, when no card is coming.
export type Pricing = { current: PublicRateCard; upcoming: PublicRateCard | null };

export const pricingRead = pageServerRead<Pricing>("pricing");
