import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { authorizeMetricsScrape } from "./authorize-metrics-scrape";

function codeOf(run: () => void): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

describe("authorizeMetricsScrape", () => {
  const token = "9c1f0e7b2d4a6c8e0f1a3b5d7e9f1a2b";

  it("requires the bearer token when one is set", () => {
    const env = { metricsToken: token, isDemo: false };
    expect(codeOf(() => authorizeMetricsScrape(`Bearer ${token}`, env))).toBeUndefined();
    expect(codeOf(() => authorizeMetricsScrape(null, env))).toBe("unauthenticated");
    expect(codeOf(() => authorizeMetricsScrape(`Bearer ${token}x`, env))).toBe("unauthenticated");
  });

  it("is open without a token in demo mode only", () => {
    expect(codeOf(() => authorizeMetricsScrape(null, { metricsToken: undefined, isDemo: true }))).toBeUndefined();
    // In production the environment cannot start without METRICS_TOKEN; should one get through anyway,
    // the route still refuses rather than publish the figures.
    expect(codeOf(() => authorizeMetricsScrape(null, { metricsToken: undefined, isDemo: false }))).toBe("unauthenticated");
    expect(codeOf(() => authorizeMetricsScrape("Bearer ", { metricsToken: undefined, isDemo: false }))).toBe("unauthenticated");
  });
});
