import { GAUGES, RESOURCES, emptyUsage, type Usage } from "@/lib/billing/resources";
import { HOURS_PER_MONTH, monthlyUnits, type MonthlyUsage } from "./estimate";

/**
 * The 730 hourly usages a host would report for a month of `usage`: gauges at their level every hour,
 * counters split unevenly across the hours (by `seed`), summing to the month's totals. Tests rate these
 * record by record, as billing does, and compare with the calculator.
 */
export function hourlyUsages(usage: MonthlyUsage, seed: number): Usage[] {
  const hours = Number(HOURS_PER_MONTH);
  const totals = monthlyUnits(usage);
  const records = Array.from({ length: hours }, emptyUsage);
  let state = seed >>> 0 || 1;
  const random = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return BigInt(state % 1000);
  };
  for (const resource of RESOURCES) {
    const total = totals[resource];
    if (GAUGES.has(resource)) {
      for (const record of records) record[resource] = total / HOURS_PER_MONTH;
      continue;
    }
    const weights = records.map(() => random());
    const weightSum = weights.reduce((sum, weight) => sum + weight, 0n) || 1n;
    let given = 0n;
    records.forEach((record, index) => {
      const share = index === hours - 1 ? total - given : (total * weights[index]!) / weightSum;
      record[resource] = share;
      given += share;
    });
  }
  return records;
}
