// The maintenance job: scheduled by the job worker the server starts, and its handler prunes
// rate-limit windows long over and expired magic-link tokens, keeping everything still in use.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db/client";
import { MAINTENANCE_CRON, MAINTENANCE_QUEUE, pruneStaleRows } from "@/lib/jobs/maintenance-jobs";
import { startJobs, stopJobs } from "@/lib/jobs/start-jobs";
import { consumeRateLimit } from "@/lib/rate-limit/consume-rate-limit";

afterAll(async () => {
  await stopJobs();
  await closeDb();
});

const count = async (query: ReturnType<typeof sql>) => Number((await getDb().execute<{ n: string }>(query)).rows[0]!.n);

describe("maintenance job", () => {
  it("is scheduled hourly by the job worker", async () => {
    const { boss } = await startJobs();
    const schedules = await boss.getSchedules();
    expect(schedules.find((schedule) => schedule.name === MAINTENANCE_QUEUE)).toMatchObject({ cron: MAINTENANCE_CRON, timezone: "UTC" });
  });

  it("prunes ended rate-limit windows and expired sign-in tokens, and keeps live ones", async () => {
    const now = new Date();
    const stale = `test:stale:${randomUUID()}`;
    const live = `test:live:${randomUUID()}`;
    for (let hoursAgo = 25; hoursAgo < 30; hoursAgo++) {
      await consumeRateLimit(getDb(), { bucket: stale, limit: 100, windowSeconds: 3600, now: new Date(now.getTime() - hoursAgo * 3_600_000) });
    }
    await consumeRateLimit(getDb(), { bucket: live, limit: 100, windowSeconds: 3600, now });
    const gone = `gone-${randomUUID()}@example.com`;
    const kept = `kept-${randomUUID()}@example.com`;
    await getDb().execute(sql`insert into "verificationToken" (identifier, token, expires) values
      (${gone}, ${randomUUID()}, now() - interval '1 minute'), (${kept}, ${randomUUID()}, now() + interval '10 minutes')`);

    const report = await pruneStaleRows(getDb(), now);

    expect(report.rateLimitWindows).toBeGreaterThanOrEqual(5);
    expect(report.verificationTokens).toBeGreaterThanOrEqual(1);
    expect(await count(sql`select count(*) as n from rate_limits where bucket = ${stale}`)).toBe(0);
    expect(await count(sql`select count(*) as n from rate_limits where bucket = ${live}`)).toBe(1);
    expect(await count(sql`select count(*) as n from "verificationToken" where identifier = ${gone}`)).toBe(0);
    expect(await count(sql`select count(*) as n from "verificationToken" where identifier = ${kept}`)).toBe(1);
  });
});
