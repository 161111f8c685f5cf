import type { PublicRateCard } from "@/lib/pricing/estimate";
import { formatPrice } from "@/lib/pricing/format-price";
import { RESOURCE_COPY } from "@/lib/pricing/resource-copy";

type Props = {
  card: PublicRateCard;
  caption: string;
  /** The card it replaces: changed prices say what they were. */ previous?: PublicRateCard;
};

/** Every resource of a rate card, priced in the unit it is sold in ("$0.04 per CPU-hour"). */
export function RateTable({ card, caption, previous }: Props) {
  return (
    <div className="border-line overflow-x-auto rounded-xl border">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-paper-soft text-ink-soft">
          <tr>
            <th scope="col" className="px-4 py-3 font-semibold">
              Resource
            </th>
            <th scope="col" className="hidden px-4 py-3 font-semibold sm:table-cell">
              What is measured
            </th>
            <th scope="col" className="px-4 py-3 text-right font-semibold">
              Price
            </th>
          </tr>
        </thead>
        <tbody>
          {card.rates.map((rate) => {
            const before = previous?.rates.find((entry) => entry.resource === rate.resource);
            const hasChanged =
              before !== undefined &&
              (before.priceMicros !== rate.priceMicros ||
                before.perUnits !== rate.perUnits ||
                before.unitLabel !== rate.unitLabel);
            return (
              <tr key={rate.resource} className="border-line border-t">
                <th scope="row" className="px-4 py-3 align-top font-semibold">
                  {RESOURCE_COPY[rate.resource].name}
                  <span className="text-ink-soft mt-0.5 block text-xs font-normal sm:hidden">
                    {RESOURCE_COPY[rate.resource].measures}
                  </span>
                </th>
                <td className="text-ink-soft hidden px-4 py-3 sm:table-cell">
                  {RESOURCE_COPY[rate.resource].measures}
                </td>
                <td className="px-4 py-3 text-right align-top">
                  <span className="font-mono font-semibold whitespace-nowrap">
                    {formatPrice(BigInt(rate.priceMicros))}
                  </span>
                  <span className="text-ink-soft"> per {rate.unitLabel}</span>
                  {hasChanged ? (
                    <span className="text-warn block text-xs font-semibold">{`was ${formatPrice(BigInt(before.priceMicros))} per ${before.unitLabel}`}</span>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
