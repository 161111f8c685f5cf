import "server-only";
import { timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";

/** When METRICS_TOKEN is set, a scrape must present it as a bearer token (compared in constant time). */
export function authorizeMetricsScrape(authorization: string | null): void {
  const expected = getEnv().metricsToken;
  if (expected === undefined) return;
  const presented = authorization?.startsWith("Bearer ") ? authorization.slice("Bearer ".length) : "";
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    throw new AppError("unauthenticated", { message: "A valid metrics token is required." });
  }
}
