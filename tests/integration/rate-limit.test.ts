import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { consumeRateLimit, pruneRateLimits } from "@/lib/rate-limit/consume-rate-limit";

afterAll(closeDb);

describe("consumeRateLimit", () => {
  it("admits exactly the limit when many requests race on several connections", async () => {
    const bucket = `test:${randomUUID()}`;
    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, () => consumeRateLimit(getDb(), { bucket, limit: 7, windowSeconds: 60 })),
    );
    const admitted = outcomes.filter((outcome) => outcome.status === "fulfilled");
    const refused = outcomes.filter((outcome) => outcome.status === "rejected");
    expect(admitted).toHaveLength(7);
    expect(refused).toHaveLength(33);
    for (const outcome of refused) {
      const error = outcome.reason as AppError;
      expect(error.code).toBe("rate_limited");
      expect(error.retryAfter).toBeGreaterThan(0);
      expect(error.retryAfter).toBeLessThanOrEqual(60);
    }
  });

  it("opens a new window when the old one ends", async () => {
    const bucket = `test:${randomUUID()}`;
    const start = new Date("2026-01-01T00:00:00Z");
    await consumeRateLimit(getDb(), { bucket, limit: 1, windowSeconds: 60, now: start });
    await expect(consumeRateLimit(getDb(), { bucket, limit: 1, windowSeconds: 60, now: new Date("2026-01-01T00:00:59Z") })).rejects.toThrow(AppError);
    await expect(consumeRateLimit(getDb(), { bucket, limit: 1, windowSeconds: 60, now: new Date("2026-01-01T00:01:00Z") })).resolves.toMatchObject({ hits: 1 });
  });

  it("prunes ended windows", async () => {
    const bucket = `test:${randomUUID()}`;
    await consumeRateLimit(getDb(), { bucket, limit: 5, windowSeconds: 60, now: new Date("2000-01-01T00:00:00Z") });
    expect(await pruneRateLimits(getDb(), new Date("2000-01-02T00:00:00Z"))).toBeGreaterThanOrEqual(1);
  });
});
