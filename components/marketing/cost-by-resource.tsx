import type { ReactNode } from "react";
import { Money } from "@/components/ui/money";
import type { EstimateLine } from "@/lib/pricing/estimate";
import { RESOURCE_COPY } from "@/lib/pricing/resource-copy";

type CostByResourceProps = {
  lines: EstimateLine[];
  caption: ReactNode;
  className: string;
  /** The rows' vertical padding: tighter in an example app's disclosure than in the calculator. */
  cellPadding: "py-1" | "py-1.5";
};

/** A month's cost by resource, one row a resource: the example apps' and the calculator's breakdown. */
export function CostByResource({ lines, caption, className, cellPadding }: CostByResourceProps) {
  return (
    <table className={className}>
      <caption className="sr-only">{caption}</caption>
      <tbody>
        {lines.map((line) => (
          <tr key={line.resource} className="border-line border-t">
            <th scope="row" className={`text-ink-soft ${cellPadding} text-left font-normal`}>
              {RESOURCE_COPY[line.resource].name}
            </th>
            <td className={`${cellPadding} text-right font-mono`}>
              <Money micros={line.micros} className="tabular-nums" />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
