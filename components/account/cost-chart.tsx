"use client";

import dynamic from "next/dynamic";
import type { CostChartSeries } from "./cost-chart-bars";

export type { CostChartSeries } from "./cost-chart-bars";

// recharts draws nothing useful on the server (it needs the container's size), but rendering its tree
// there costs every request CPU time. The bars load and draw in the browser only; the figure, its
// label and its size (no layout shift) are in the server's HTML, and the numbers are in the table.
const CostChartBars = dynamic(() => import("./cost-chart-bars").then((module) => module.CostChartBars), { ssr: false });

/**
 * Stacked bars of cost per bucket and series. Drawn in the browser (a client leaf); the same numbers
 * are in the table next to it, so the figure is labelled as a picture of that table. The buckets'
 * labels and each series' values travel as plain arrays: a third of the bytes of an object per bucket.
 */
export function CostChart({ labels, series, summary }: { labels: string[]; series: CostChartSeries[]; summary: string }) {
  return (
    <figure role="img" aria-label={summary} className="h-64 w-full sm:h-72">
      <CostChartBars labels={labels} series={series} />
    </figure>
  );
}
