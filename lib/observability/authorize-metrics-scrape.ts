import "server-only";
import { timingSafeEqual } from "node:crypto";
import { getEnv, type Env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/**
 * A scrape must present METRICS_TOKEN as a bearer token (compared in constant time). Only the demo may
 * run without one (open metrics on localhost); production cannot start without it (lib/env.ts), and
 * should it get this far anyway, the route refuses rather than publish its figures.
 */
export function authorizeMetricsScrape(authorization: string | null, env: Pick<Env, "metricsToken" | "isDemo"> = getEnv()): void {
  const expected = env.metricsToken;
  if (expected === undefined && env.isDemo) return;
  const presented = authorization?.startsWith("Bearer ") ? authorization.slice("Bearer ".length) : "";
  const a = Buffer.from(presented);
  const b = Buffer.from(expected ?? "");
  if (expected === undefined || a.length !== b.length || !timingSafeEqual(a, b)) {
    throw new AppError("unauthenticated", { message: "A valid metrics token is required." });
  }
}
