import "server-only";
import { getEnv } from "@/lib/env";

/**
 * The named steps of the money path where the fault campaign (tests/faults) kills the server. Each sits
 * between two effects whose order matters for exactly-once money: a Stripe call and the ledger commit.
 */
export const CRASH_POINTS = [
  "fulfill-checkout:before-stripe",
  "fulfill-checkout:after-stripe",
  "fulfill-checkout:before-commit",
  "fulfill-checkout:after-commit",
  "auto-recharge:before-stripe",
  "auto-recharge:after-stripe",
  "auto-recharge:before-commit",
  "auto-recharge:after-commit",
] as const;

export type CrashPoint = (typeof CRASH_POINTS)[number];

/**
 * Kills this process with SIGKILL when `FAULT_CRASH_AT` names `point`: no cleanup, no rollback by
 * us, no answer sent, exactly what a power cut or the OOM killer does. A test-only setting (refused in
 * production by lib/env.ts); unset, this is one comparison.
 */
export function crashPoint(point: CrashPoint): void {
  if (getEnv().faultCrashAt !== point) return;
  process.kill(process.pid, "SIGKILL");
}
