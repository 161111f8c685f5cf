"use client";

import { formatCents } from "@/lib/format/money";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** One stacked series: its name and its cost (micro-dollars) in each bucket, in the order of the labels. */
export type CostChartSeries = { label: string; values: number[] };

// Theme tokens first (they follow dark mode), then mid-tones that read on both backgrounds.
const COLORS = [
  "var(--color-brand)",
  "var(--color-accent)",
  "var(--color-warn)",
  "#0ea5e9",
  "#a855f7",
  "#ec4899",
  "#84cc16",
  "#64748b",
  "var(--color-danger)",
];

const axisDollars = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 4 });

/** The axis is a scale, not an amount: its ticks keep the decimals a small scale needs ($0.0005). */
function formatTick(micros: number): string {
  return axisDollars.format(micros / 1_000_000);
}

/** A bar's amount in the tooltip: cents, like every amount a person reads (the table beside it has titles). */
function formatDollars(micros: number): string {
  // Values are whole micro-dollars (safe integers), so the bigint is exact; never a float's rounding.
  return Number.isSafeInteger(micros) ? formatCents(BigInt(micros)) : "";
}

/** Stacked bars of cost per bucket and series: recharts, drawn in the browser only (see CostChart). */
export function CostChartBars({ labels, series }: { labels: string[]; series: CostChartSeries[] }) {
  // Series are keyed by position, so no series name (a space may be called anything) meets "label".
  const data = labels.map((label, bucket) => ({ label, ...Object.fromEntries(series.map((entry, index) => [`s${index}`, entry.values[bucket]])) }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid vertical={false} stroke="var(--color-line)" />
        <XAxis
          dataKey="label"
          tick={{ fill: "var(--color-ink-soft)", fontSize: 12 }}
          tickLine={false}
          axisLine={{ stroke: "var(--color-line)" }}
          minTickGap={16}
        />
        <YAxis
          tickFormatter={formatTick}
          tick={{ fill: "var(--color-ink-soft)", fontSize: 12 }}
          tickLine={false}
          axisLine={false}
          width={72}
        />
        <Tooltip
          formatter={(value) => formatDollars(Number(value))}
          contentStyle={{
            background: "var(--color-paper)",
            border: "1px solid var(--color-line)",
            borderRadius: 8,
            color: "var(--color-ink)",
          }}
          cursor={{ fill: "var(--color-line)", opacity: 0.4 }}
        />
        {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
        {series.map((entry, index) => (
          <Bar
            key={index}
            dataKey={`s${index}`}
            name={entry.label}
            stackId="cost"
            fill={COLORS[index % COLORS.length]}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
