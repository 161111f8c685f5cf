"use client";

import { useEffect, useState } from "react";
import type { CostChartBars as CostChartBarsComponent, CostChartSeries } from "./cost-chart-bars";

export type { CostChartSeries } from "./cost-chart-bars";

/**
 * Stacked bars of cost per bucket and series. Drawn in the browser (a client leaf); the same numbers
 * are in the table next to it, so the figure is labelled as a picture of that table. The buckets'
 * labels and each series' values travel as plain arrays: a third of the bytes of an object per bucket.
 *
 * recharts draws nothing useful on the server (it needs the container's size), so its module is loaded
 * once the figure is in the browser. Not next/dynamic with `ssr: false`: that throws an error on the
 * server to leave the figure to the browser, an error object and a client-rendered boundary per chart
 * on every request. The figure, its label and its size (no layout shift) are in the server's HTML.
 */
export function CostChart({ labels, series, summary }: { labels: string[]; series: CostChartSeries[]; summary: string }) {
  const [Bars, setBars] = useState<typeof CostChartBarsComponent | null>(null);
  useEffect(() => {
    let isMounted = true;
    import("./cost-chart-bars").then(
      (module) => {
        if (isMounted) setBars(() => module.CostChartBars);
      },
      // A chunk that fails to load leaves the figure empty; the table beside it has every number.
      (error: unknown) => console.error("the chart could not be loaded", error),
    );
    return () => {
      isMounted = false;
    };
  }, []);
  return (
    <figure role="img" aria-label={summary} className="h-64 w-full sm:h-72">
      {Bars ? <Bars labels={labels} series={series} /> : null}
    </figure>
  );
}
