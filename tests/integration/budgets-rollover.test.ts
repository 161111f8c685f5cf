// Issue 19: the month rolling over (UTC) resumes paused spaces. The reads say `active` from the month's
// first instant, before the rollover job runs; the job then deletes the old pauses and records one
// platform event per space, once however often it runs.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nextBudgetMonthStart } from "@/lib/budgets/budget-month";
import { getSpaceStandings } from "@/lib/budgets/get-space-standings";
import { resumeMonthPauses } from "@/lib/budgets/resume-month-pauses";
import { setBudget } from "@/lib/budgets/set-budget";
import { closeDb, getDb } from "@/lib/db/client";
import { BUDGET_ROLLOVER_CRON, BUDGET_ROLLOVER_QUEUE } from "@/lib/jobs/budget-rollover-job";
import { startJobs, stopJobs } from "@/lib/jobs/start-jobs";
import { createTestAccount, createTestToken } from "@/tests/support/billing-api";
import { apiSpaceState, cpuUnitsCosting, platformEventsOf, postSpaceUsage, spaceIdOf } from "@/tests/support/budgets";

afterAll(async () => {
  await stopJobs();
  await closeDb();
});

let token: string;
beforeAll(async () => {
  token = (await createTestToken()).token;
});

const DOLLAR = 1_000_000n;

/** An account whose space `chat` is paused by its $1 budget, and whose `arena` runs. */
async function pausedAccount() {
  const { accountId: account } = await createTestAccount();
  expect((await postSpaceUsage(token, account, "arena", await cpuUnitsCosting(10_000n))).status).toBe(200);
  expect((await postSpaceUsage(token, account, "chat", await cpuUnitsCosting(10_000n))).status).toBe(200);
  await setBudget(getDb(), { accountId: account, spaceId: await spaceIdOf(account, "chat"), amountMicros: DOLLAR, action: "pause" });
  expect((await postSpaceUsage(token, account, "chat", await cpuUnitsCosting(2n * DOLLAR))).status).toBe(200);
  expect((await apiSpaceState(token, account, "chat"))?.state).toBe("paused");
  return account;
}

describe("the month rollover", () => {
  it("reads active from the next month's first instant, and the job resumes each space once", async () => {
    const account = await pausedAccount();
    const midnight = nextBudgetMonthStart(new Date());
    const justBefore = new Date(midnight.getTime() - 1);
    const standing = (at: Date) => getSpaceStandings(getDb(), account, at);
    expect((await standing(justBefore)).spaces.find((space) => space.name === "chat")).toMatchObject({ state: "paused", reason: "budget" });
    // Past midnight, before any job: active, and the new month's spend starts at zero.
    const after = await standing(midnight);
    expect(after.spaces.find((space) => space.name === "chat")).toMatchObject({ state: "active", reason: null, spendMicros: 0n });
    expect(after.month.key).toBe(midnight.toISOString().slice(0, 7));

    const eventsBefore = await platformEventsOf(account);
    // Run at midnight, for this account only: other test files share the database.
    expect(await resumeMonthPauses(getDb(), midnight, { accountIds: [account] })).toBe(1);
    const pauses = await getDb().execute(sql`select 1 from space_pauses where account_id = ${account}`);
    expect(pauses.rows).toHaveLength(0);
    const events = await platformEventsOf(account);
    expect(events.slice(eventsBefore.length).map((event) => [event.data.space, event.data.state, event.data.previous_state])).toEqual([
      ["chat", "active", "paused"],
    ]);
    expect(events.at(-1)!.sequence).toBe(eventsBefore.at(-1)!.sequence + 1);
    // Idempotent: a second run finds nothing of this account.
    expect(await resumeMonthPauses(getDb(), midnight, { accountIds: [account] })).toBe(0);
    expect(await platformEventsOf(account)).toHaveLength(events.length);
  });

  it("the billing API answers active for a pause of an earlier month, before the job runs", async () => {
    const account = await pausedAccount();
    // As if the clock had passed midnight since the pause: the stored pause is of the month before.
    await getDb().execute(sql`update space_pauses set month = month - interval '1 month' where account_id = ${account}`);
    expect(await apiSpaceState(token, account, "chat")).toEqual({ space: "chat", state: "active", reason: null });
    expect((await apiSpaceState(token, account, "arena"))?.state).toBe("active");
  });

  it("a job run in the month of the spend pauses again at once what is still over its budget", async () => {
    const account = await pausedAccount();
    await getDb().execute(sql`update space_pauses set month = month - interval '1 month' where account_id = ${account}`);
    expect(await resumeMonthPauses(getDb(), new Date(), { accountIds: [account] })).toBe(1);
    // This month's spend ($2) is still over the $1 budget: resumed for the old month, paused for this one.
    expect((await apiSpaceState(token, account, "chat"))?.state).toBe("paused");
    const states = (await platformEventsOf(account)).map((event) => event.data.state);
    expect(states).toEqual(["paused", "active", "paused"]);
  });

  it("is scheduled hourly, at minute 0 UTC, by the job worker the server starts", async () => {
    const { boss } = await startJobs();
    const schedules = await boss.getSchedules();
    expect(BUDGET_ROLLOVER_CRON).toBe("0 * * * *");
    expect(schedules.find((schedule) => schedule.name === BUDGET_ROLLOVER_QUEUE)).toMatchObject({ cron: BUDGET_ROLLOVER_CRON, timezone: "UTC" });
  });
});
