// Property tests: random sequences of posts run against the real ledger (postTransfers and applyStanding
// on Postgres) and the in-memory model side by side; after every step the two must agree exactly.
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { postCustomerTransfers } from "@/lib/billing/post-customer-transfers";
import { closeDb, getDb, getPool } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { isAppError } from "@/lib/errors";
import { checkLedgerInvariants } from "@/lib/ledger/check-invariants";
import {
  addModelAccount,
  emptyLedgerModel,
  postModelTransfers,
  postModelWelcomeCredit,
  type LedgerModel,
  type ModelPostOutcome,
} from "@/lib/ledger/ledger-model";
import { getSystemAccounts } from "@/lib/ledger/system-accounts";
import type { TransferInput } from "@/lib/ledger/types";
import { createLedgerTestAccount } from "../support/ledger-accounts";
import { testDatabaseUrl } from "../support/test-env";

afterAll(closeDb);

const CUSTOMERS = 3;
const DEFAULT_LIMITS = { lowThresholdMicros: 5_000_000n, floorMicros: -5_000_000n };

type Shape = "top_up" | "usage" | "move" | "grant" | "refund" | "system";
type Member =
  | { type: "fresh"; shape: Shape; from: number; to: number; amount: bigint; note: string | null }
  | { type: "replay"; pick: number }
  | { type: "reuse"; pick: number; change: "amount" | "reason" | "metadata" | "account"; amount: bigint }
  | { type: "repeat"; isSame: boolean }
  | { type: "zero"; account: number };

// Amounts around the default thresholds ($5 low, $0, -$5 floor) so that walks cross every boundary.
const amount = fc.oneof(
  fc.constantFrom(1n, 999_999n, 1_000_000n, 4_999_999n, 5_000_000n, 5_000_001n, 10_000_000n),
  fc.bigInt({ min: 1n, max: 12_000_000n }),
);
const customer = fc.nat({ max: CUSTOMERS - 1 });
const member: fc.Arbitrary<Member> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      type: fc.constant("fresh" as const),
      shape: fc.constantFrom<Shape>("top_up", "usage", "usage", "move", "grant", "refund", "system"),
      from: customer,
      to: customer,
      amount,
      note: fc.option(fc.constantFrom("a", "b"), { nil: null }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant("replay" as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      type: fc.constant("reuse" as const),
      pick: fc.nat(),
      change: fc.constantFrom("amount" as const, "reason" as const, "metadata" as const, "account" as const),
      amount,
    }),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("repeat" as const), isSame: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant("zero" as const), account: customer }) },
);
// Mostly single transfers; some atomic posts of several, where one bad member must sink them all.
const post = fc.oneof(
  { weight: 3, arbitrary: fc.array(member, { minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.array(member, { minLength: 2, maxLength: 4 }) },
);

type Run = {
  prefix: string;
  customers: bigint[];
  billingByLedger: Map<bigint, string>;
  system: Awaited<ReturnType<typeof getSystemAccounts>>;
  idByKey: Map<string, bigint>;
  model: LedgerModel;
  counter: number;
};

async function startRun(): Promise<Run> {
  const db = getDb();
  const system = await getSystemAccounts(db);
  let model = emptyLedgerModel();
  for (const id of Object.values(system)) model = addModelAccount(model, id);
  const run: Run = {
    prefix: `prop:${randomBytes(6).toString("hex")}:`,
    customers: [],
    billingByLedger: new Map(),
    system,
    idByKey: new Map(),
    model,
    counter: 0,
  };
  for (let index = 0; index < CUSTOMERS; index++) {
    const { accountId, ledgerId, grant } = await createLedgerTestAccount();
    run.customers.push(ledgerId);
    run.billingByLedger.set(ledgerId, accountId);
    run.idByKey.set(grant.key, grant.id);
    // The signup grant is replayed into the model, so the model starts where the database does.
    run.model = addModelAccount(run.model, ledgerId, DEFAULT_LIMITS);
    const input: TransferInput = {
      idempotencyKey: grant.key,
      kind: "grant",
      fromAccountId: system.promotional_grants,
      toAccountId: ledgerId,
      amountMicros: grant.amount,
      ...(grant.reason === null ? {} : { reason: grant.reason }),
    };
    run.model = postModelWelcomeCredit(run.model, input).model;
  }
  return run;
}

function resolve(run: Run, members: Member[]): TransferInput[] {
  const { customers, system } = run;
  const keys = [...run.model.transfers.keys()];
  const inputs: TransferInput[] = [];
  for (const spec of members) {
    const nextKey = `${run.prefix}${run.counter++}`;
    const previous = inputs.at(-1);
    if (spec.type === "fresh") {
      const from = customers[spec.from]!;
      const to = customers[spec.to === spec.from ? (spec.to + 1) % CUSTOMERS : spec.to]!;
      const note = spec.note === null ? {} : { reason: `note ${spec.note}`, metadata: { note: spec.note } };
      const route = {
        top_up: ["top_up", system.stripe_cash, from],
        usage: ["usage", from, system.usage_revenue],
        move: ["adjustment", from, to],
        grant: ["grant", system.promotional_grants, from],
        refund: ["refund", from, system.stripe_cash],
        system: ["adjustment", system.adjustments, system.promotional_grants],
      } as const;
      const [kind, fromAccountId, toAccountId] = route[spec.shape];
      inputs.push({ idempotencyKey: nextKey, kind, fromAccountId, toAccountId, amountMicros: spec.amount, ...note });
    } else if (spec.type === "replay" && keys.length > 0) {
      inputs.push({ ...run.model.transfers.get(keys[spec.pick % keys.length]!)! });
    } else if (spec.type === "reuse" && keys.length > 0) {
      const prior = run.model.transfers.get(keys[spec.pick % keys.length]!)!;
      const otherTo = [...customers, system.usage_revenue].find(
        (id) => id !== prior.fromAccountId && id !== prior.toAccountId,
      )!;
      const change = {
        amount: { amountMicros: prior.amountMicros + spec.amount },
        reason: { reason: `${prior.reason ?? ""} (changed)` },
        metadata: { metadata: { ...prior.metadata, changed: "yes" } },
        account: { toAccountId: otherTo },
      }[spec.change];
      inputs.push({ ...prior, ...change });
    } else if (spec.type === "repeat" && previous !== undefined) {
      inputs.push(spec.isSame ? { ...previous } : { ...previous, amountMicros: previous.amountMicros + 1n });
    } else {
      // A zero amount is refused as a bad request; a replay or reuse with nothing posted yet is a top-up.
      const to = customers[spec.type === "zero" ? spec.account : 0]!;
      const amountMicros = spec.type === "zero" ? 0n : 1n;
      inputs.push({
        idempotencyKey: nextKey,
        kind: "top_up",
        fromAccountId: system.stripe_cash,
        toAccountId: to,
        amountMicros,
      });
    }
  }
  return inputs;
}

type DbOutcome =
  | {
      ok: true;
      ids: bigint[];
      isReplay: boolean[];
      balances: Map<bigint, bigint>;
      changes: Array<{ accountId: string; from: string; to: string }>;
    }
  | { ok: false; code: string; idempotencyKey?: unknown };

async function postToDatabase(run: Run, inputs: TransferInput[]): Promise<DbOutcome> {
  try {
    return await runTransaction(getDb(), async (tx) => {
      const posted = await postCustomerTransfers(tx, inputs, "property test");
      return {
        ok: true as const,
        ids: posted.transfers.map((transfer) => transfer.id),
        isReplay: posted.transfers.map((transfer) => transfer.isReplay),
        balances: posted.balances,
        changes: posted.standingChanges.map(({ accountId, from, to }) => ({ accountId, from, to })),
      };
    });
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { ok: false, code: error.code, idempotencyKey: error.details?.idempotency_key };
  }
}

function expectSameOutcome(run: Run, inputs: TransferInput[], actual: DbOutcome, expected: ModelPostOutcome): void {
  if (!expected.ok) {
    expect(actual).toEqual({ ok: false, code: expected.code, idempotencyKey: expected.idempotencyKey });
    return;
  }
  if (!actual.ok) return void expect(actual).toMatchObject({ ok: true });
  expect(actual.isReplay).toEqual(expected.transfers.map((transfer) => transfer.isReplay));
  const freshIds = new Map<string, bigint>();
  inputs.forEach((input, index) => {
    const id = actual.ids[index]!;
    const known = run.idByKey.get(input.idempotencyKey) ?? freshIds.get(input.idempotencyKey);
    // A replay returns the original transfer's id; a fresh key gets an id no other key has.
    if (known !== undefined) expect(id).toBe(known);
    else {
      expect([...run.idByKey.values()]).not.toContain(id);
      freshIds.set(input.idempotencyKey, id);
    }
  });
  for (const [key, id] of freshIds) run.idByKey.set(key, id);
  expect(actual.balances).toEqual(expected.balances);
  const modelChanges = expected.standingChanges.map((change) => ({
    accountId: run.billingByLedger.get(change.ledgerAccountId)!,
    from: change.from,
    to: change.to,
  }));
  // applyStanding reports changes in no particular order.
  const byAccount = (a: { accountId: string }, b: { accountId: string }) => a.accountId.localeCompare(b.accountId);
  expect(actual.changes.sort(byAccount)).toEqual(modelChanges.sort(byAccount));
}

async function expectSameState(run: Run, standingChangeCount: Map<string, number>): Promise<void> {
  const keys = [...run.model.transfers.keys()];
  // System accounts are shared with other tests, so only this run's transfers are summed for them.
  const ours = await getPool().query<{ id: string; total: string }>(
    `select e.ledger_account_id::text as id, sum(e.amount_micros)::text as total
     from transfers t join entries e on e.transfer_id = t.id
     where t.idempotency_key = any($1::text[]) group by e.ledger_account_id`,
    [keys],
  );
  const summed = new Map(ours.rows.map((row) => [BigInt(row.id), BigInt(row.total)]));
  for (const [id, balance] of run.model.balances) expect(summed.get(id) ?? 0n, `account ${id}`).toBe(balance);
  const customers = await getPool().query<{ id: string; cached: string; state: string; all: string }>(
    `select a.id::text, a.balance_micros::text as cached, b.state,
       (select coalesce(sum(e.amount_micros), 0) from entries e where e.ledger_account_id = a.id)::text as all
     from ledger_accounts a join billing_accounts b on b.id = a.billing_account_id where a.id = any($1::bigint[])`,
    [run.customers.map(String)],
  );
  expect(customers.rows).toHaveLength(CUSTOMERS);
  for (const row of customers.rows) {
    const balance = run.model.balances.get(BigInt(row.id))!;
    expect(row.cached, `cached balance of ${row.id}`).toBe(balance.toString());
    expect(row.all).toBe(row.cached);
    expect(row.state, `standing of ${row.id}`).toBe(run.model.customers.get(BigInt(row.id))!.state);
  }
  const posted = await getPool().query<{ n: number }>(
    `select count(*)::int as n from transfers where starts_with(idempotency_key, $1)`,
    [run.prefix],
  );
  expect(posted.rows[0]!.n).toBe(keys.filter((key) => key.startsWith(run.prefix)).length);
  const changes = await getPool().query<{ account_id: string; n: number }>(
    `select account_id, count(*)::int as n from standing_changes where account_id = any($1::text[]) group by account_id`,
    [[...run.billingByLedger.values()]],
  );
  // Accounts with no change yet have no rows to count.
  const expectedCounts = new Map([...standingChangeCount].filter(([, count]) => count > 0));
  expect(new Map(changes.rows.map((row) => [row.account_id, row.n]))).toEqual(expectedCounts);
  expect(await checkLedgerInvariants(getDb())).toEqual([]);
}

describe("ledger against its model", () => {
  it("agrees with the model after every step of random posting sequences", async () => {
    testDatabaseUrl();
    await fc.assert(
      fc.asyncProperty(fc.array(post, { minLength: 5, maxLength: 25 }), async (posts) => {
        const run = await startRun();
        // Each account starts active with no recorded change: its signup grant is no crossing (issue 17).
        const standingChangeCount = new Map([...run.billingByLedger.values()].map((id) => [id, 0]));
        await expectSameState(run, standingChangeCount);
        for (const members of posts) {
          const inputs = resolve(run, members);
          const expected = postModelTransfers(run.model, inputs);
          const actual = await postToDatabase(run, inputs);
          expectSameOutcome(run, inputs, actual, expected.outcome);
          run.model = expected.model;
          for (const change of actual.ok ? actual.changes : []) {
            standingChangeCount.set(change.accountId, standingChangeCount.get(change.accountId)! + 1);
          }
          await expectSameState(run, standingChangeCount);
        }
      }),
      { numRuns: 30 },
    );
  });
});
