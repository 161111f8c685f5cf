// The account API's reads answer the account's own numbers: the dashboard's for the account, the usage
// and statement CSVs' rows (field for field) in JSON, and an OpenAPI document that lists every path.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as accountRoute from "@/app/api/account/v1/accounts/[account]/route";
import * as budgetsRoute from "@/app/api/account/v1/accounts/[account]/budgets/route";
import * as statementRoute from "@/app/api/account/v1/accounts/[account]/statement/route";
import * as usageRoute from "@/app/api/account/v1/accounts/[account]/usage/route";
import { GET as getOpenApi } from "@/app/api/account/v1/openapi.json/route";
import { getDashboard } from "@/lib/account/get-dashboard";
import { getStatementMovements } from "@/lib/account/get-statement";
import { parseUsageSelectionOrThrow } from "@/lib/account/parse-usage-selection";
import { toStatementCsv } from "@/lib/account/statement-csv";
import { getUsageCsv } from "@/lib/account/usage-csv";
import { ingestUsage } from "@/lib/billing/ingest-usage";
import { emptyUsage } from "@/lib/billing/resources";
import { getSpaceStandings } from "@/lib/budgets/get-space-standings";
import { setBudget } from "@/lib/budgets/set-budget";
import { closeDb, getDb } from "@/lib/db/client";
import { hourAgo, type ErrorBody } from "@/tests/support/billing-api";
import { accountParams, apiRequest, createKey, createKeyHolder, type KeyHolder } from "@/tests/support/account-api";

afterAll(closeDb);

let holder: KeyHolder;
let key: string;

beforeAll(async () => {
  holder = await createKeyHolder();
  key = (await createKey(holder)).key;
  // Two spaces over a few hours, so the rows differ by period, space and resource.
  await ingestUsage(
    getDb(),
    [1, 2, 3].flatMap((hoursAgo) =>
      ["chess", "whiteboard"].map((space, n) => ({
        id: `api-reads:${holder.accountId}:${space}:${hoursAgo}`,
        account: holder.accountId,
        space,
        hour: new Date(hourAgo(hoursAgo)),
        usage: { ...emptyUsage(), messages: BigInt(10_000 * (n + 1) * hoursAgo), cpu_ms: BigInt(3_600_000 * hoursAgo) },
      })),
    ),
  );
});

type Route = { GET: (request: Request, context: ReturnType<typeof accountParams>) => Promise<Response> };

async function read<T>(route: Route, suffix: string): Promise<{ status: number; body: T }> {
  const response = await route.GET(
    apiRequest(`/accounts/${holder.accountId}${suffix}`, { key }),
    accountParams(holder.accountId),
  );
  return { status: response.status, body: (await response.json()) as T };
}

/** RFC 4180 rows as objects keyed by the header (the exports' CSV is small and well-formed here). */
function parseCsv(csv: string): Array<Record<string, string>> {
  const rows: string[][] = [];
  let field = "";
  let row: string[] = [];
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = "";
  };
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i]!;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") endField();
    else if (c === "\r" && csv[i + 1] === "\n") {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += c;
  }
  const [header = [], ...body] = rows;
  return body.map((cells) => Object.fromEntries(header.map((name, n) => [name, cells[n] ?? ""])));
}

/** A JSON row as its CSV line would read: null is an empty cell. */
const asCsvCells = (row: Record<string, string | null | undefined>) =>
  Object.fromEntries(Object.entries(row).map(([name, value]) => [name, value ?? ""]));

describe("the account API's reads", () => {
  it("answers the account with the dashboard's numbers", async () => {
    const now = new Date();
    const dashboard = await getDashboard(getDb(), holder.session, now);
    const { status, body } = await read<Record<string, unknown>>(accountRoute, "");
    expect(status).toBe(200);
    expect(body).toMatchObject({
      account: holder.accountId,
      state: dashboard.account.state,
      balance_micros: dashboard.account.balanceMicros.toString(),
      low_threshold_micros: dashboard.account.lowThresholdMicros.toString(),
      floor_micros: dashboard.account.floorMicros.toString(),
      month_to_date_micros: dashboard.monthToDateMicros.toString(),
      last_month_to_same_point_micros: dashboard.lastMonthToSamePointMicros.toString(),
      runway: { kind: dashboard.runway.kind },
    });
    expect(BigInt(body.balance_micros as string)).toBeLessThan(5_000_000n);
  });

  it("answers budgets and this month's spend per space as getSpaceStandings reads them, a paused space included", async () => {
    const before = await getSpaceStandings(getDb(), holder.accountId);
    const chess = before.spaces.find((space) => space.name === "chess")!;
    // A pause budget under what chess already spent pauses it at once; whiteboard's only alerts.
    await setBudget(getDb(), {
      accountId: holder.accountId,
      spaceId: chess.spaceId,
      amountMicros: 10_000n,
      action: "pause",
    });
    const whiteboard = before.spaces.find((space) => space.name === "whiteboard")!;
    await setBudget(getDb(), {
      accountId: holder.accountId,
      spaceId: whiteboard.spaceId,
      amountMicros: 50_000_000n,
      action: "alert",
    });
    const standings = await getSpaceStandings(getDb(), holder.accountId);
    const { status, body } = await read<Record<string, unknown>>(budgetsRoute, "/budgets");
    expect(status).toBe(200);
    expect(body).toEqual({
      account: holder.accountId,
      month: standings.month.key,
      state: standings.account.state,
      account_budget: null,
      account_spend_micros: standings.accountSpendMicros.toString(),
      spaces: standings.spaces.map((space) => ({
        space: space.name,
        state: space.state,
        reason: space.reason,
        paused_at: space.pausedAt?.toISOString() ?? null,
        spend_micros: space.spendMicros.toString(),
        budget: space.budget && { amount_micros: space.budget.amountMicros.toString(), action: space.budget.action },
      })),
    });
    expect(body.spaces).toContainEqual(expect.objectContaining({ space: "chess", state: "paused", reason: "budget" }));
    expect(body.spaces).toContainEqual(
      expect.objectContaining({
        space: "whiteboard",
        state: "active",
        budget: { amount_micros: "50000000", action: "alert" },
      }),
    );
  });

  it.each(["resource", "space"])("answers the usage CSV's rows, grouped by %s, field for field", async (group) => {
    const csv = await getUsageCsv(getDb(), holder.session, parseUsageSelectionOrThrow({ range: "24h", group }));
    const { status, body } = await read<{
      rows: Array<Record<string, string | null>>;
      next_page: number | null;
      group: string;
    }>(usageRoute, `/usage?range=24h&group=${group}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ group, next_page: null });
    expect(body.rows.length).toBeGreaterThan(0);
    expect(body.rows.map(asCsvCells)).toEqual(parseCsv(csv));
    expect(Object.keys(body.rows[0]!)).toEqual(csv.split("\r\n")[0]!.split(","));
  });

  it("reads from and to alone as a custom range, and refuses a bad one with a 400 naming it", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const { status, body } = await read<{ from: string; granularity: string }>(
      usageRoute,
      `/usage?from=${today}&to=${today}`,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ from: `${today}T00:00:00.000Z`, granularity: "hour" });
    for (const query of [
      "?from=2026-13-01&to=2026-13-02",
      "?range=365d&granularity=hour",
      "?group=planet",
      "?from=1999-01-01&to=1999-01-02",
    ]) {
      const refused = await read<ErrorBody>(usageRoute, `/usage${query}`);
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe("validation_failed");
    }
  });

  it("answers a month of the statement as the statement CSV's rows, with the running balance", async () => {
    const csv = toStatementCsv(await getStatementMovements(getDb(), holder.session, "all"));
    const month = new Date().toISOString().slice(0, 7);
    const { status, body } = await read<{
      month: string;
      rows: Array<Record<string, string | null>>;
      next_cursor: string | null;
    }>(statementRoute, `/statement?month=${month}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ month, next_cursor: null });
    expect(body.rows.length).toBeGreaterThan(1);
    expect(body.rows.map(asCsvCells)).toEqual(parseCsv(csv));
    const usageOnly = await read<{ rows: Array<{ type: string }> }>(
      statementRoute,
      `/statement?month=${month}&type=usage`,
    );
    expect(new Set(usageOnly.body.rows.map((row) => row.type))).toEqual(new Set(["usage"]));
    const earlier = await read<{ rows: unknown[] }>(statementRoute, "/statement?month=2025-01");
    expect(earlier.body.rows).toEqual([]);
    for (const query of ["?month=2026-13", "?month=1999-01", "?type=gifts"]) {
      expect((await read<ErrorBody>(statementRoute, `/statement${query}`)).status).toBe(400);
    }
  });
});

/** Every route file under app/api/account/v1 as its OpenAPI path (`[account]` → `{account}`), but the catch-all. */
function routePaths(): string[] {
  const root = path.resolve("app/api/account/v1");
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name === "route.ts" && !full.includes("[[...rest]]")) {
        found.push(`/${path.relative(root, dir)}`.replace(/\[(\w+)\]/g, "{$1}"));
      }
    }
  };
  walk(root);
  return found.sort();
}

describe("the account API's OpenAPI document", () => {
  it("parses as OpenAPI 3.1 and lists every path the API serves, each a GET", async () => {
    const response = await getOpenApi(apiRequest("/openapi.json"));
    expect(response.status).toBe(200);
    const document = JSON.parse(await response.text()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths).sort()).toEqual(routePaths());
    for (const operations of Object.values(document.paths)) expect(Object.keys(operations)).toEqual(["get"]);
    // Every schema an operation refers to is in the document.
    const refs = [...JSON.stringify(document.paths).matchAll(/#\/components\/schemas\/(\w+)/g)].map(
      (match) => match[1]!,
    );
    for (const name of refs) expect(document.components.schemas).toHaveProperty(name);
  });
});
