import type { PublicRateCard } from "@/lib/pricing/estimate";
import { formatPrice } from "@/lib/pricing/format-price";
import { RESOURCE_COPY } from "@/lib/pricing/resource-copy";

/** Every resource of a rate card, priced in the unit it is sold in ("$0.04 per CPU-hour"). */
export function RateTable({ card, caption }: { card: PublicRateCard; caption: string }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-line">
      <table className="w-full min-w-[34rem] text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-paper-soft text-ink-soft">
          <tr>
            <th scope="col" className="px-4 py-3 font-semibold">Resource</th>
            <th scope="col" className="px-4 py-3 font-semibold">What is measured</th>
            <th scope="col" className="px-4 py-3 text-right font-semibold">Price</th>
          </tr>
        </thead>
        <tbody>
          {card.rates.map((rate) => (
            <tr key={rate.resource} className="border-t border-line">
              <th scope="row" className="px-4 py-3 font-semibold">{RESOURCE_COPY[rate.resource].name}</th>
              <td className="px-4 py-3 text-ink-soft">{RESOURCE_COPY[rate.resource].measures}</td>
              <td className="px-4 py-3 text-right whitespace-nowrap">
                <span className="font-mono font-semibold">{formatPrice(BigInt(rate.priceMicros))}</span>
                <span className="text-ink-soft"> per {rate.unitLabel}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
