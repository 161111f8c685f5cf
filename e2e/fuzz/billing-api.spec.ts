// Fuzz: the billing API (`/api/billing/v1`) against the running site. Generated batches mix valid
// records with hostile ones; generated paths, queries and methods probe every route. Never a 5xx, every
// refusal the documented JSON error, and a refused batch changes no row of the account.
import fc from "fast-check";
import { expect, test } from "../support/auth-fixture";
import { accountSnapshot, createFuzzAccount, type FuzzAccount } from "./fuzz-accounts";
import { expectNoServerError, fuzzParameters, hostileJsonValue, hostileString, looselyEncoded } from "./fuzz-support";

const HOUR_MS = 3_600_000;
const hourAgo = (hours: number) => new Date((Math.floor(Date.now() / HOUR_MS) - hours) * HOUR_MS).toISOString();

const COUNTERS = ["cpu_ms", "messages", "bandwidth_bytes", "first_party_calls", "third_party_calls"] as const;
const GAUGES = ["memory_bytes", "connections", "documents", "storage_bytes"] as const;

function recordArbitrary(account: string): fc.Arbitrary<Record<string, unknown>> {
  const amount = fc.oneof(
    { weight: 4, arbitrary: fc.nat({ max: 5_000_000 }) },
    { weight: 1, arbitrary: fc.constantFrom(10 ** 15, "1000000000000000", 10 ** 15 + 1, 2 ** 63) },
    { weight: 1, arbitrary: hostileJsonValue },
  );
  const usage = fc.record(Object.fromEntries([...COUNTERS, ...GAUGES].map((field) => [field, amount])), { requiredKeys: [] });
  return fc
    .record({
      id: fc.oneof({ weight: 4, arbitrary: fc.uuid() }, { weight: 1, arbitrary: hostileString }),
      account: fc.oneof({ weight: 5, arbitrary: fc.constant(account) }, { weight: 1, arbitrary: hostileString }),
      space: fc.oneof({ weight: 4, arbitrary: fc.constantFrom("fuzz-a", "fuzz-b") }, { weight: 1, arbitrary: hostileString }),
      hour: fc.oneof(
        { weight: 4, arbitrary: fc.integer({ min: 0, max: 72 }).map(hourAgo) },
        { weight: 1, arbitrary: fc.integer({ min: 24 * 30, max: 24 * 5_000 }).map(hourAgo) },
        { weight: 1, arbitrary: hostileString },
      ),
      usage,
      extra: fc.option(fc.dictionary(hostileString, hostileJsonValue, { maxKeys: 2 }), { nil: undefined }),
    })
    .map(({ usage: fields, extra, ...rest }) => ({ ...rest, ...fields, ...extra }));
}

/** A body for POST /usage: mostly a batch of records, sometimes something that is not one at all. */
function bodyArbitrary(account: string): fc.Arbitrary<{ json?: unknown; raw?: Buffer }> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.array(recordArbitrary(account), { minLength: 1, maxLength: 40 }).map((records) => ({ json: { records } })) },
    { weight: 1, arbitrary: hostileJsonValue.map((json) => ({ json })) },
    { weight: 1, arbitrary: fc.record({ records: hostileJsonValue }).map((json) => ({ json })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        Buffer.from([0x7b, 0x22, 0x72, 0xff, 0xfe, 0x22, 0x3a, 0x5b, 0x5d, 0x7d]), // {"r\xff\xfe":[]}: invalid UTF-8
        Buffer.from('{"records":[{"id":"\xed\xa0\x80"}]}', "latin1"), // a surrogate encoded as UTF-8 bytes
        Buffer.from('{"records":['),
        Buffer.from("[".repeat(10_000)),
        Buffer.from(""),
      ).map((raw) => ({ raw })),
    },
  );
}

test.describe("fuzz: billing API", () => {
  test.describe.configure({ timeout: 120_000 });
  let fuzz: FuzzAccount;

  test.beforeEach(async ({ page, database, invite }) => {
    fuzz = await createFuzzAccount(page, database, invite, "fuzz-api");
  });

  test("POST /usage: no 5xx; a refused batch changes nothing; an accepted one counts every record", async ({ request, database }) => {
    const authorization = `Bearer ${fuzz.token}`;
    await fc.assert(
      fc.asyncProperty(bodyArbitrary(fuzz.accountId), async (body) => {
        const before = await accountSnapshot(database, fuzz.accountId);
        const response = await request.post("/api/billing/v1/usage", {
          headers: { authorization, "content-type": "application/json" },
          data: body.raw ?? JSON.stringify(body.json),
        });
        await expectNoServerError(response, "POST /usage", { json: true });
        if (response.status() !== 200) {
          expect(await accountSnapshot(database, fuzz.accountId), "a refused batch wrote rows").toEqual(before);
          return;
        }
        const answer = (await response.json()) as { accepted: number; duplicates: number };
        const records = (body.json as { records: unknown[] }).records;
        expect(answer.accepted + answer.duplicates).toBe(records.length);
      }),
      fuzzParameters(),
    );
  });

  test("GET routes with hostile paths and queries: no 5xx, JSON errors", async ({ request }) => {
    const headers = { authorization: `Bearer ${fuzz.token}` };
    const query = fc.dictionary(fc.constantFrom("email", "from", "to", "granularity", "group", "x"), hostileString, { maxKeys: 4 });
    const target = fc.oneof(
      fc.tuple(hostileString, query).map(([account, params]) => `/api/billing/v1/accounts/${looselyEncoded(account)}/standing${toQuery(params)}`),
      fc.tuple(fc.constantFrom(fuzz.accountId), query).map(([account, params]) => `/api/billing/v1/accounts/${account}/usage${toQuery(params)}`),
      fc.tuple(hostileString, query).map(([account, params]) => `/api/billing/v1/accounts/${looselyEncoded(account)}/usage${toQuery(params)}`),
      query.map((params) => `/api/billing/v1/accounts${toQuery(params)}`),
      query.map((params) => `/api/billing/v1/rates${toQuery(params)}`),
      hostileString.map((segment) => `/api/billing/v1/${looselyEncoded(segment)}`),
    );
    await fc.assert(
      fc.asyncProperty(target, async (path) => {
        await expectNoServerError(await request.get(path, { headers }), `GET ${path}`, { json: true });
      }),
      fuzzParameters(),
    );
  });

  test("wrong methods on every route: no 5xx, JSON errors, nothing written", async ({ request, database }) => {
    const before = await accountSnapshot(database, fuzz.accountId);
    const paths = ["/api/billing/v1/usage", "/api/billing/v1/rates", "/api/billing/v1/accounts", `/api/billing/v1/accounts/${fuzz.accountId}/standing`, `/api/billing/v1/accounts/${fuzz.accountId}/usage`];
    for (const path of paths) {
      for (const method of ["PUT", "PATCH", "DELETE"] as const) {
        const response = await request.fetch(path, { method, headers: { authorization: `Bearer ${fuzz.token}` }, data: "{}" });
        await expectNoServerError(response, `${method} ${path}`, { json: true });
        expect(response.status(), `${method} ${path}`).toBeGreaterThanOrEqual(400);
      }
    }
    expect(await accountSnapshot(database, fuzz.accountId)).toEqual(before);
  });
});

function toQuery(params: Record<string, string>): string {
  const pairs = Object.entries(params).map(([key, value]) => `${key}=${looselyEncoded(value)}`);
  return pairs.length ? `?${pairs.join("&")}` : "";
}
