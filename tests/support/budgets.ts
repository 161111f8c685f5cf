// Helpers for the budgets' integration tests (tests/integration/budgets-*.test.ts): usage that costs a
// chosen amount, posted through the real billing API route, and the rows a budget check writes.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { GET as getStanding } from "@/app/api/billing/v1/accounts/[account]/standing/route";
import { POST as postUsage } from "@/app/api/billing/v1/usage/route";
import { cardForHour, listRateCards } from "@/lib/billing/rate-cards";
import { getDb } from "@/lib/db/client";
import { accountContext, billingRequest, hourAgo } from "./billing-api";

/** The current hour: its usage counts in this UTC month's spend whatever the day. */
export const thisHour = hourAgo(0);

/** cpu_ms units that cost at least `micros` at the current card (rounded up to a whole unit). */
export async function cpuUnitsCosting(micros: bigint): Promise<bigint> {
  const price = cardForHour(await listRateCards(getDb()), new Date(thisHour))!.entries.get("cpu_ms")!;
  return (micros * price.perUnits + price.priceMicros - 1n) / price.priceMicros;
}

export type PostedUsage = { status: number; body: unknown };

/** Posts one record of `cpuMs` for the space through POST /api/billing/v1/usage. */
export async function postSpaceUsage(token: string, account: string, space: string, cpuMs: bigint): Promise<PostedUsage> {
  const records = [{ id: `budget-${randomUUID()}`, account, space, hour: thisHour, cpu_ms: Number(cpuMs) }];
  const response = await postUsage(billingRequest("/usage", { token, body: { records } }));
  return { status: response.status, body: await response.json() };
}

export type ApiSpaceStanding = { space: string; state: "active" | "paused"; reason: string | null };
export type ApiStanding = { account: string; state: string; spaces: ApiSpaceStanding[] };

/** GET /api/billing/v1/accounts/{account}/standing, as the platform reads it. */
export async function readApiStanding(token: string, account: string): Promise<ApiStanding> {
  const response = await getStanding(billingRequest(`/accounts/${account}/standing`, { token }), accountContext(account));
  if (response.status !== 200) throw new Error(`standing answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as ApiStanding;
}

/** The state the API says one space is in. */
export async function apiSpaceState(token: string, account: string, space: string): Promise<ApiSpaceStanding | undefined> {
  return (await readApiStanding(token, account)).spaces.find((entry) => entry.space === space);
}

export async function spaceIdOf(account: string, name: string): Promise<bigint> {
  const rows = await getDb().execute<{ id: string }>(sql`select id::text from spaces where account_id = ${account} and name = ${name}`);
  return BigInt(rows.rows[0]!.id);
}

export type PlatformEventRow = { sequence: number; type: string; data: { space?: string; state?: string; previous_state?: string; reason?: string | null } };

/** The account's platform events, in sequence order. */
export async function platformEventsOf(account: string): Promise<PlatformEventRow[]> {
  const rows = await getDb().execute<{ sequence: string; type: string; payload: { data: PlatformEventRow["data"] } }>(sql`
    select sequence::text, type, payload from platform_events where account_id = ${account} order by sequence`);
  return rows.rows.map((row) => ({ sequence: Number(row.sequence), type: row.type, data: row.payload.data }));
}

/** Every budget row, budget alert mark, pause and spend alert of the account, to prove a refusal changed nothing. */
export async function budgetRowsOf(account: string): Promise<unknown> {
  const rows = await getDb().execute(sql`
    select
      (select coalesce(json_agg(b order by b.id), '[]') from budgets b where b.account_id = ${account}) as budgets,
      (select coalesce(json_agg(p order by p.space_id), '[]') from space_pauses p where p.account_id = ${account}) as pauses,
      (select count(*) from spend_alerts a where a.account_id = ${account}) as alerts,
      (select count(*) from platform_events e where e.account_id = ${account}) as events`);
  return rows.rows[0];
}
