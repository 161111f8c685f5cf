import { Money } from "@/components/ui/money";
import { estimateMonthlyCost, type PublicRateCard } from "@/lib/pricing/estimate";
import { EXAMPLE_APPS } from "@/lib/pricing/example-apps";
import { CostByResource } from "./cost-by-resource";

/** A few typical apps priced on `card`, with the month's cost by resource behind a disclosure. */
export function ExampleAppCosts({ card }: { card: PublicRateCard }) {
  return (
    <ul className="grid gap-5 md:grid-cols-3">
      {EXAMPLE_APPS.map((app) => {
        const estimate = estimateMonthlyCost(card, app.usage);
        return (
          <li key={app.name} className="border-line bg-paper flex flex-col rounded-xl border p-6">
            <h3 className="font-semibold">{app.name}</h3>
            <p className="text-ink-soft mt-2 flex-1 text-sm leading-6">{app.description}</p>
            <p className="mt-4">
              <Money micros={estimate.totalMicros} className="text-3xl font-bold tracking-tight tabular-nums" />
              <span className="text-ink-soft text-sm"> a month</span>
            </p>
            <details className="mt-3 text-sm">
              <summary className="text-brand cursor-pointer font-semibold">Cost by resource</summary>
              <CostByResource
                lines={estimate.lines}
                caption={<>{app.name}: cost by resource</>}
                className="mt-2 w-full"
                cellPadding="py-1"
              />
            </details>
          </li>
        );
      })}
    </ul>
  );
}
