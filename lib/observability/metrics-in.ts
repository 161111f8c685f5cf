import "server-only";
import { Counter, Histogram, type Registry } from "prom-client";

/**
 * Makes counters and histograms registered in `registry`, one line each: the name, the help text and
 * the label names (which type what `inc` and `observe` take), as Prometheus prints them.
 */
export function metricsIn(registry: Registry) {
  const registers = [registry];
  return {
    counter: <L extends string = string>(name: string, help: string, labelNames: readonly L[] = []) =>
      new Counter<L>({ name, help, labelNames, registers }),
    histogram: <L extends string>(name: string, help: string, labelNames: readonly L[], buckets: number[]) =>
      new Histogram<L>({ name, help, labelNames, buckets, registers }),
  };
}
