// `npm run token:create --scopes` (issue 18): the script makes a token with only the scopes named, which
// the real billing API routes then honour, and refuses an unknown scope without making anything.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getStanding } from "@/app/api/billing/v1/accounts/[account]/standing/route";
import { POST as postUsage } from "@/app/api/billing/v1/usage/route";
import { closeDb } from "@/lib/db/client";
import { countRows } from "../support/auth-fixtures";
import { accountContext, billingRequest, createTestAccount, type ErrorBody, type TestAccount } from "../support/billing-api";
import { testDatabaseUrl } from "../support/test-env";

afterAll(closeDb);

let account: TestAccount;
beforeAll(async () => {
  account = await createTestAccount();
});

const ingest = (secret: string) => postUsage(billingRequest("/usage", { token: secret, body: { records: [] } }));
const standing = (secret: string) =>
  getStanding(billingRequest(`/accounts/${account.accountId}/standing`, { token: secret }), accountContext(account.accountId));

async function codeOf(response: Response): Promise<string> {
  return ((await response.json()) as ErrorBody).error.code;
}

function runTokenCreate(args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/token-create.ts", ...args],
      {
        env: { ...process.env, DATABASE_URL: testDatabaseUrl(), LOG_LEVEL: "silent" },
        stdio: ["ignore", "pipe", "ignore"],
      },
    );
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("close", (code) => resolve({ code, stdout: out }));
  });
}

describe("npm run token:create --scopes", () => {
  it("makes a token with only the scopes named, and refuses an unknown one", async () => {
    const { code, stdout } = await runTokenCreate(["--name", `script-${randomUUID()}`, "--scopes", "read"]);
    expect(code).toBe(0);
    const secret = stdout.trim();
    expect((await standing(secret)).status).toBe(200);
    expect(await codeOf(await ingest(secret))).toBe("forbidden");
    expect((await runTokenCreate(["--name", "bogus", "--scopes", "ingest,admin"])).code).toBe(2);
    expect(await countRows(sql`select count(*) from platform_tokens where name = 'bogus'`)).toBe(0);
  });
});
