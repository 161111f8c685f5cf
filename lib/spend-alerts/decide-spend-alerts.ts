// What the hourly evaluation owes one account (runway and anomaly alerts), from facts read in one
// statement (read-alert-facts.ts). Pure, so every rule is tested without a clock or a database.
import { ANOMALY_HISTORY_DAYS, detectAnomaly } from "./detect-anomaly";
import { DAY_MS, estimateRunway, isRunwayShort } from "./estimate-runway";

export type AlertFacts = {
  accountId: string;
  balanceMicros: bigint;
  runwayAlert: boolean;
  runwayDays: number;
  anomalyAlert: boolean;
  firstUsageAt: Date | null;
  /** Billed usage in [now - 7 days, now): the runway's window. */
  spentMicros: bigint;
  /** Billed cost by UTC day start (ms), for the days the anomaly rule looks at; a missing day cost nothing. */
  dayCosts: Map<number, bigint>;
  /** The account's latest runway alert: an episode is open until it is marked recovered. */
  lastRunway: { id: bigint; createdAt: Date; isRecovered: boolean } | null;
};

export type RunwayAlertData = { balanceMicros: string; perDayMicros: string; days: number; withinDays: number; windowDays: number };
export type AnomalyAlertData = { day: string; costMicros: string; medianMicros: string; isToday: boolean };

export type OwedAlert =
  | { kind: "runway"; key: string; data: RunwayAlertData }
  | { kind: "anomaly"; key: string; data: AnomalyAlertData };

export type SpendAlertDecision = { alerts: OwedAlert[]; recoveredRunwayId: bigint | null };

/** Days the anomaly rule reads: today, yesterday, and the 7 before yesterday. */
export const ANOMALY_READ_DAYS = ANOMALY_HISTORY_DAYS + 2;

/** A runway alert fires at most once in this long, however often the runway dips and recovers. */
export const RUNWAY_REPEAT_MS = 7 * DAY_MS;

export function startOfUtcDay(at: Date): number {
  return Math.floor(at.getTime() / DAY_MS) * DAY_MS;
}

/** `2026-W49`: the ISO week of an instant (UTC). With RUNWAY_REPEAT_MS, a runway alert's key. */
export function isoWeek(at: Date): string {
  const day = new Date(startOfUtcDay(at));
  const weekday = day.getUTCDay() || 7; // Monday 1 … Sunday 7
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the week's Thursday names its year
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / DAY_MS + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

function anomalyOn(facts: AlertFacts, dayStart: number, now: Date): OwedAlert | null {
  if (!facts.firstUsageAt) return null;
  // History starts at the first usage's day: the days before it are no history, not zero-cost days.
  const firstDay = startOfUtcDay(facts.firstUsageAt);
  const history: bigint[] = [];
  for (let day = dayStart - ANOMALY_HISTORY_DAYS * DAY_MS; day < dayStart; day += DAY_MS) {
    if (day >= firstDay) history.push(facts.dayCosts.get(day) ?? 0n);
  }
  const anomaly = detectAnomaly({ costMicros: facts.dayCosts.get(dayStart) ?? 0n, history });
  if (!anomaly) return null;
  const day = new Date(dayStart).toISOString().slice(0, 10);
  return {
    kind: "anomaly",
    key: `anomaly:${day}`,
    data: {
      day,
      costMicros: anomaly.costMicros.toString(),
      medianMicros: anomaly.medianMicros.toString(),
      isToday: dayStart === startOfUtcDay(now),
    },
  };
}

function runwayDecision(facts: AlertFacts, now: Date): SpendAlertDecision {
  const none = { alerts: [], recoveredRunwayId: null };
  if (!facts.runwayAlert) return none;
  const runway = estimateRunway({ balanceMicros: facts.balanceMicros, spentMicros: facts.spentMicros, firstUsageAt: facts.firstUsageAt, now });
  const last = facts.lastRunway;
  const isOpen = last !== null && !last.isRecovered;
  if (runway.kind === "estimate" && isRunwayShort(runway, facts.balanceMicros, facts.runwayDays)) {
    // One alert an episode, and at most one a week even if the runway flaps around the line.
    if (isOpen || (last && now.getTime() - last.createdAt.getTime() < RUNWAY_REPEAT_MS)) return none;
    const data = {
      balanceMicros: facts.balanceMicros.toString(),
      perDayMicros: runway.perDayMicros.toString(),
      days: Number(runway.days),
      withinDays: facts.runwayDays,
      windowDays: runway.windowDays,
    };
    return { alerts: [{ kind: "runway", key: `runway:${isoWeek(now)}`, data }], recoveredRunwayId: null };
  }
  // Recovered: credit lasts longer than the chosen days, or nothing is being spent. A balance at or
  // below zero is not a recovery (the standing emails speak for it), nor is a forecast without history.
  const hasRecovered = facts.balanceMicros > 0n && (runway.kind === "estimate" || runway.kind === "no_recent_usage");
  return { alerts: [], recoveredRunwayId: isOpen && hasRecovered ? last.id : null };
}

/** The alerts owed now (before their once-only keys are checked) and a runway episode that ended. */
export function decideSpendAlerts(facts: AlertFacts, now: Date): SpendAlertDecision {
  const decision = runwayDecision(facts, now);
  if (facts.anomalyAlert) {
    // The last complete day and today so far: an anomaly is told the day it happens.
    const today = startOfUtcDay(now);
    for (const day of [today - DAY_MS, today]) {
      const alert = anomalyOn(facts, day, now);
      if (alert) decision.alerts.push(alert);
    }
  }
  return decision;
}
