// Issue 18, "Platform tokens": what an operator does on /admin/tokens (create with scopes, rotate with a
// grace, revoke), each audited, and what the real billing API routes then answer for each token.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getAccounts } from "@/app/api/billing/v1/accounts/route";
import { GET as getStanding } from "@/app/api/billing/v1/accounts/[account]/standing/route";
import { GET as getUsage } from "@/app/api/billing/v1/accounts/[account]/usage/route";
import { GET as getOpenApi } from "@/app/api/billing/v1/openapi.json/route";
import { POST as postUsage } from "@/app/api/billing/v1/usage/route";
import { listPlatformTokens } from "@/lib/admin/list-platform-tokens";
import {
  createPlatformTokenAudited,
  revokePlatformTokenAudited,
  rotatePlatformTokenAudited,
} from "@/lib/admin/manage-platform-tokens";
import { closeDb, getDb } from "@/lib/db/client";
import { countRows } from "../support/auth-fixtures";
import { createTestAuth } from "../support/auth-harness";
import {
  accountContext,
  billingRequest,
  createTestAccount,
  hourAgo,
  meterRecordCount,
  type ErrorBody,
  type TestAccount,
} from "../support/billing-api";
import { errorCodeOf, signedInMember, signedInOperator, type SignedIn } from "../support/signup-fixtures";

afterAll(closeDb);

let account: TestAccount;
let operator: SignedIn;
beforeAll(async () => {
  account = await createTestAccount();
  operator = await signedInOperator(createTestAuth());
});

const ingest = (secret: string, records: unknown[] = []) =>
  postUsage(billingRequest("/usage", { token: secret, body: { records } }));
const standing = (secret: string, headers: Record<string, string> = {}) => {
  const request = billingRequest(`/accounts/${account.accountId}/standing`, { token: secret });
  for (const [name, value] of Object.entries(headers)) request.headers.set(name, value);
  return getStanding(request, accountContext(account.accountId));
};
const reads = (secret: string) => [
  () => standing(secret),
  () =>
    getUsage(
      billingRequest(`/accounts/${account.accountId}/usage`, { token: secret }),
      accountContext(account.accountId),
    ),
  () => getAccounts(billingRequest(`/accounts?email=${encodeURIComponent(account.email)}`, { token: secret })),
];

async function codeOf(response: Response): Promise<string> {
  return ((await response.json()) as ErrorBody).error.code;
}

const createToken = (scopes: Array<"ingest" | "read">, name = `host-${randomUUID()}`) =>
  createPlatformTokenAudited(getDb(), operator.session, { name, scopes });

describe("rotating a platform token", () => {
  it("gives a successor with the same name and scopes; the old token works until its grace ends, then answers 401", async () => {
    const old = await createToken(["ingest", "read"]);
    expect((await standing(old.token)).status).toBe(200);
    const graceSeconds = 2;
    const { expiresAt, successor } = await rotatePlatformTokenAudited(getDb(), operator.session, {
      id: old.id,
      graceSeconds,
    });
    expect(successor).toMatchObject({ name: old.name, scopes: ["ingest", "read"] });
    expect(successor.token).not.toBe(old.token);
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now());

    // Within the grace both work, on both scopes.
    expect((await standing(old.token)).status).toBe(200);
    expect((await ingest(old.token)).status).toBe(200);
    expect((await standing(successor.token)).status).toBe(200);
    expect((await ingest(successor.token)).status).toBe(200);

    // Past it, the old one is refused like a revoked one; the successor carries on.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiresAt.getTime() - Date.now()) + 100));
    const refused = await standing(old.token);
    expect(refused.status).toBe(401);
    expect(await codeOf(refused)).toBe("unauthenticated");
    expect((await ingest(old.token)).status).toBe(401);
    expect((await standing(successor.token)).status).toBe(200);

    const rows = await listPlatformTokens(getDb(), operator.session);
    expect(rows.find((row) => row.id === old.id)).toMatchObject({ state: "expired", expiresAt });
    expect(rows.find((row) => row.id === successor.id)).toMatchObject({
      state: "active",
      createdByEmail: operator.email,
      scopes: ["ingest", "read"],
    });
  });

  it("with no grace stops the old token at once; a token already rotated or revoked cannot be rotated again", async () => {
    const old = await createToken(["read"]);
    const { successor } = await rotatePlatformTokenAudited(getDb(), operator.session, { id: old.id, graceSeconds: 0 });
    expect(await codeOf(await standing(old.token))).toBe("unauthenticated");
    expect((await standing(successor.token)).status).toBe(200);
    expect(successor.scopes).toEqual(["read"]);

    expect(
      await errorCodeOf(() =>
        rotatePlatformTokenAudited(getDb(), operator.session, { id: old.id, graceSeconds: 3600 }),
      ),
    ).toBe("conflict");
    await revokePlatformTokenAudited(getDb(), operator.session, successor.id);
    expect(
      await errorCodeOf(() =>
        rotatePlatformTokenAudited(getDb(), operator.session, { id: successor.id, graceSeconds: 0 }),
      ),
    ).toBe("conflict");
    expect(
      await errorCodeOf(() => rotatePlatformTokenAudited(getDb(), operator.session, { id: old.id, graceSeconds: -1 })),
    ).toBe("validation_failed");
    expect(await countRows(sql`select count(*) from platform_tokens where name = ${old.name}`)).toBe(2);
  });

  it("twice at the same moment makes one successor", async () => {
    const old = await createToken(["ingest"]);
    const outcomes = await Promise.allSettled(
      [0, 1, 2].map(() => rotatePlatformTokenAudited(getDb(), operator.session, { id: old.id, graceSeconds: 60 })),
    );
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    expect(await countRows(sql`select count(*) from platform_tokens where name = ${old.name}`)).toBe(2);
    expect(
      await countRows(
        sql`select count(*) from audit_log where action = 'platform-token.rotate' and target = ${`platform-token:${old.id}`}`,
      ),
    ).toBe(1);
  });
});

describe("revoking a platform token", () => {
  it("answers 401 at once on every endpoint, a token in its rotation grace too", async () => {
    const token = await createToken(["ingest", "read"]);
    expect((await ingest(token.token)).status).toBe(200);
    await revokePlatformTokenAudited(getDb(), operator.session, token.id);
    expect(await codeOf(await ingest(token.token))).toBe("unauthenticated");
    for (const call of reads(token.token)) expect((await call()).status).toBe(401);
    expect(await errorCodeOf(() => revokePlatformTokenAudited(getDb(), operator.session, token.id))).toBe("not_found");

    const rotated = await createToken(["read"]);
    await rotatePlatformTokenAudited(getDb(), operator.session, { id: rotated.id, graceSeconds: 86_400 });
    expect((await standing(rotated.token)).status).toBe(200);
    await revokePlatformTokenAudited(getDb(), operator.session, rotated.id);
    expect((await standing(rotated.token)).status).toBe(401);
    expect((await listPlatformTokens(getDb(), operator.session)).find((row) => row.id === rotated.id)?.state).toBe(
      "revoked",
    );
  });
});

describe("scopes", () => {
  it("an ingest-only token reports usage but cannot read: 403 forbidden in the documented shape", async () => {
    const token = await createToken(["ingest"]);
    expect((await ingest(token.token)).status).toBe(200);
    for (const call of reads(token.token)) {
      const response = await call();
      expect(response.status).toBe(403);
      const body = (await response.json()) as ErrorBody;
      expect(body.error).toMatchObject({ code: "forbidden", details: { required_scope: "read" } });
      expect(body.error.message).toContain("`read` scope");
    }
  });

  it("a read-only token reads but cannot ingest, and its batch stores nothing", async () => {
    const token = await createToken(["read"]);
    for (const call of reads(token.token)) expect((await call()).status).toBe(200);
    const record = {
      id: `scope-${randomUUID()}`,
      account: account.accountId,
      space: "scoped",
      hour: hourAgo(1),
      messages: 5,
    };
    const response = await ingest(token.token, [record]);
    expect(response.status).toBe(403);
    expect(((await response.json()) as ErrorBody).error).toMatchObject({
      code: "forbidden",
      details: { required_scope: "ingest" },
    });
    expect(await meterRecordCount(account.accountId)).toBe(0);
  });

  it("are named per operation in the OpenAPI document", async () => {
    type Operation = {
      security?: Array<Record<string, string[]>>;
      description?: string;
      responses: Record<string, unknown>;
    };
    const doc = (await (await getOpenApi(new Request("http://localhost/api/billing/v1/openapi.json"))).json()) as {
      paths: Record<string, Record<string, Operation>>;
    };
    const operations: Array<[string, string, string]> = [
      ["/usage", "post", "ingest"],
      ["/accounts", "get", "read"],
      ["/accounts/{account}/standing", "get", "read"],
      ["/accounts/{account}/usage", "get", "read"],
    ];
    for (const [path, method, scope] of operations) {
      const operation = doc.paths[path]![method]!;
      expect(operation.security, path).toEqual([{ platformToken: [scope] }]);
      expect(operation.description, path).toContain(`\`${scope}\` scope`);
      expect(operation.responses["403"], path).toEqual({ $ref: "#/components/responses/Forbidden" });
    }
    expect(doc.paths["/rates"]!.get!.security).toEqual([]);
  });
});

describe("last use", () => {
  it("records when and from which client address a token was last used, at minute precision", async () => {
    const token = await createToken(["read"]);
    expect((await standing(token.token, { "x-forwarded-for": "203.0.113.7" })).status).toBe(200);
    const first = (await listPlatformTokens(getDb(), operator.session)).find((row) => row.id === token.id)!;
    expect(first.lastUsedFrom).toBe("203.0.113.7");
    expect(first.lastUsedAt).toBeInstanceOf(Date);
    // Within the minute a second use writes nothing (the hot path stays one read).
    expect((await standing(token.token, { "x-forwarded-for": "198.51.100.9" })).status).toBe(200);
    const second = (await listPlatformTokens(getDb(), operator.session)).find((row) => row.id === token.id)!;
    expect(second).toMatchObject({ lastUsedFrom: "203.0.113.7", lastUsedAt: first.lastUsedAt });
    // A refused (revoked) token's use is not recorded.
    await getDb().execute(
      sql`update platform_tokens set last_used_at = now() - interval '2 minutes' where id = ${token.id}`,
    );
    await revokePlatformTokenAudited(getDb(), operator.session, token.id);
    await standing(token.token, { "x-forwarded-for": "198.51.100.9" });
    expect((await listPlatformTokens(getDb(), operator.session)).find((row) => row.id === token.id)!.lastUsedFrom).toBe(
      "203.0.113.7",
    );
  });
});

describe("the audit trail", () => {
  it("names the operator for create, rotate and revoke, and never holds a secret", async () => {
    const token = await createToken(["ingest", "read"]);
    const { successor } = await rotatePlatformTokenAudited(getDb(), operator.session, {
      id: token.id,
      graceSeconds: 3600,
    });
    await revokePlatformTokenAudited(getDb(), operator.session, token.id);
    const entries = await getDb().execute<{
      action: string;
      target: string;
      actor_id: string;
      actor_email: string;
      before: unknown;
      after: unknown;
    }>(sql`
      select action, target, actor_id, actor_email, before, after from audit_log
      where target in (${`platform-token:${token.id}`}, ${`platform-token:${successor.id}`}) order by id`);
    expect(entries.rows.map((entry) => [entry.action, entry.target])).toEqual([
      ["platform-token.create", `platform-token:${token.id}`],
      ["platform-token.rotate", `platform-token:${token.id}`],
      ["platform-token.revoke", `platform-token:${token.id}`],
    ]);
    for (const entry of entries.rows)
      expect(entry).toMatchObject({ actor_id: operator.session.user.id, actor_email: operator.email });
    expect(entries.rows[0]!.after).toMatchObject({
      name: token.name,
      prefix: token.prefix,
      scopes: ["ingest", "read"],
    });
    expect(entries.rows[1]!.after).toMatchObject({
      graceSeconds: 3600,
      successor: { id: successor.id.toString(), prefix: successor.prefix },
    });
    expect(entries.rows[2]!.before).toMatchObject({ revokedAt: null });
    const everything = JSON.stringify(entries.rows);
    for (const secret of [token.token, successor.token]) expect(everything).not.toContain(secret.slice(4));
  });
});

describe("non-operators", () => {
  it("cannot list, create, rotate or revoke tokens, and change nothing", async () => {
    const member = await signedInMember(createTestAuth(), "token-member");
    const token = await createToken(["ingest"]);
    for (const session of [member.session, null]) {
      expect(await errorCodeOf(() => listPlatformTokens(getDb(), session))).toBe("not_found");
      expect(
        await errorCodeOf(() => createPlatformTokenAudited(getDb(), session, { name: "sneaky", scopes: ["read"] })),
      ).toBe("not_found");
      expect(
        await errorCodeOf(() => rotatePlatformTokenAudited(getDb(), session, { id: token.id, graceSeconds: 0 })),
      ).toBe("not_found");
      expect(await errorCodeOf(() => revokePlatformTokenAudited(getDb(), session, token.id))).toBe("not_found");
    }
    expect(await countRows(sql`select count(*) from platform_tokens where name = 'sneaky'`)).toBe(0);
    expect((await ingest(token.token)).status).toBe(200);
    expect(await countRows(sql`select count(*) from audit_log where actor_id = ${member.session.user.id}`)).toBe(0);
  });
});
