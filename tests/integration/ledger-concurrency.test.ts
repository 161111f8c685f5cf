// Concurrency: eight connections post a thousand mixed operations each against six shared accounts,
// with duplicate keys racing across connections and conflicting reuses, then the ledger is audited
// against the operation log: every key posted once, no lost update, standing consistent with balances.
import { randomBytes } from "node:crypto";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { postCustomerTransfers } from "@/lib/billing/post-customer-transfers";
import { standingFor } from "@/lib/ledger/standing";
import { closeDb, getDb, getPool, type Database } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import * as schema from "@/lib/db/schema";
import { isAppError } from "@/lib/errors";
import { checkLedgerInvariants } from "@/lib/ledger/check-invariants";
import { isSamePayload } from "@/lib/ledger/ledger-model";
import { getSystemAccounts } from "@/lib/ledger/system-accounts";
import type { TransferInput } from "@/lib/ledger/types";
import { createBarrier, seededRandom } from "../support/concurrency";
import { createLedgerTestAccount } from "../support/ledger-accounts";
import { testDatabaseUrl } from "../support/test-env";

afterAll(closeDb);

const WORKERS = 8;
const OPS_PER_WORKER = 1_000;
const ACCOUNTS = 6;
const LIMITS = { lowThresholdMicros: 5_000_000n, floorMicros: -5_000_000n };
// The run takes about 25 s on two cores; the margin is for a machine busy with other work.
const TIMEOUT_MS = 120_000;

// What an operation was meant to do, so that its outcome can be judged: `race` posts one key with a
// different payload from each worker (exactly one may win), `reuse` must conflict, the rest must post.
type Intent = "post" | "replay" | "shared" | "race" | "reuse";
type Outcome =
  | { ok: true; ids: bigint[]; isReplay: boolean[]; balances: Map<bigint, bigint> }
  | { ok: false; code: string; key: unknown };
type LoggedOp = { worker: number; intent: Intent; inputs: TransferInput[]; outcome: Outcome };

// Posts through postCustomerTransfers, the production path: ledger posting and standing in one transaction.
async function post(db: Database, inputs: TransferInput[]): Promise<Outcome> {
  try {
    return await runTransaction(db, async (tx) => {
      const posted = await postCustomerTransfers(tx, inputs, "concurrency test");
      return {
        ok: true as const,
        ids: posted.transfers.map((t) => t.id),
        isReplay: posted.transfers.map((t) => t.isReplay),
        balances: posted.balances,
      };
    });
  } catch (error) {
    if (isAppError(error)) return { ok: false, code: error.code, key: error.details?.idempotency_key };
    throw error;
  }
}

describe("ledger under concurrency", () => {
  it(
    "posts every key once, loses no update and keeps standing in step across 8 connections",
    async () => {
      const url = testDatabaseUrl();
      const seed = Date.now() % 1_000_000;
      const prefix = `conc:${randomBytes(6).toString("hex")}:`;
      const system = await getSystemAccounts(getDb());
      const customers: bigint[] = [];
      const billingByLedger = new Map<bigint, string>();
      const initial = new Map<bigint, bigint>();
      for (let index = 0; index < ACCOUNTS; index++) {
        const { accountId, ledgerId, balance } = await createLedgerTestAccount();
        customers.push(ledgerId);
        billingByLedger.set(ledgerId, accountId);
        initial.set(ledgerId, balance);
      }

      const log: LoggedOp[] = [];
      const barrier = createBarrier(WORKERS);
      const pools = Array.from({ length: WORKERS }, () => new pg.Pool({ connectionString: url, max: 1 }));
      const runWorker = async (worker: number) => {
        const db = drizzle(pools[worker]!, { schema });
        const random = seededRandom(seed * 31 + worker);
        const amount = () => BigInt(1 + Math.floor(random() * 6_000_000));
        const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
        const lastSeen = new Map(initial);
        const mine: TransferInput[] = [];
        // A credit or a debit, leaning back towards the thresholds so that balances keep crossing them.
        const move = (key: string): TransferInput => {
          const account = pick(customers);
          const seen = lastSeen.get(account)!;
          const debitOdds = seen > 5_000_000n ? 0.75 : seen < -5_000_000n ? 0.25 : 0.5;
          const [kind, fromAccountId, toAccountId] =
            random() < debitOdds
              ? (["usage", account, system.usage_revenue] as const)
              : (["top_up", system.stripe_cash, account] as const);
          return { idempotencyKey: key, kind, fromAccountId, toAccountId, amountMicros: amount() };
        };
        for (let step = 0; step < OPS_PER_WORKER; step++) {
          const key = `${prefix}w${worker}:${step}`;
          let intent: Intent = "post";
          let inputs: TransferInput[];
          if (step % 100 === 0) await barrier();
          if (step % 10 === 0) {
            // The same fact, delivered to every connection at once: one post, seven replays. Every other one
            // moves money between system accounts only, which takes no row lock: there the losers hit the
            // UNIQUE key and replay on retry.
            intent = "shared";
            const [from, to] =
              step % 20 === 0
                ? [customers[(step / 20) % ACCOUNTS]!, system.usage_revenue]
                : [system.adjustments, system.promotional_grants];
            inputs = [
              {
                idempotencyKey: `${prefix}shared:${step}`,
                kind: "adjustment",
                fromAccountId: from,
                toAccountId: to,
                amountMicros: BigInt(500_000 + step * 977),
              },
            ];
          } else if (step % 50 === 25) {
            // One key, a different payload from each worker: exactly one may win.
            intent = "race";
            inputs = [
              {
                idempotencyKey: `${prefix}race:${step}`,
                kind: "top_up",
                fromAccountId: system.stripe_cash,
                toAccountId: customers[worker % ACCOUNTS]!,
                amountMicros: BigInt(1_000 + worker),
              },
            ];
          } else if (step % 50 === 37 && mine.length > 0) {
            intent = "reuse";
            const prior = pick(mine);
            const conflicting = { ...prior, amountMicros: prior.amountMicros + 1n };
            // Half of them ride in a batch with a fresh transfer, which must not post either.
            inputs = step % 100 === 37 ? [conflicting] : [move(key), conflicting];
          } else if (step % 30 === 7 && mine.length > 0) {
            intent = "replay";
            inputs = [pick(mine)];
          } else if (step % 40 === 13) {
            // A post touching several accounts, locked in id order whatever the order here.
            const [a, b] = [pick(customers), pick(customers)];
            inputs = [move(`${key}:a`), move(`${key}:b`)];
            if (a !== b)
              inputs.push({
                idempotencyKey: `${key}:c`,
                kind: "adjustment",
                fromAccountId: b,
                toAccountId: a,
                amountMicros: amount(),
              });
          } else {
            inputs = [move(key)];
          }
          const outcome = await post(db, inputs);
          log.push({ worker, intent, inputs, outcome });
          if (outcome.ok) {
            for (const [id, balance] of outcome.balances) lastSeen.set(id, balance);
            if (intent === "post") mine.push(...inputs);
          }
        }
      };
      try {
        await Promise.all(Array.from({ length: WORKERS }, (_, worker) => runWorker(worker)));
      } finally {
        await Promise.all(pools.map((pool) => pool.end()));
      }

      const context = `seed ${seed}`;
      // Outcomes as intended: conflicting reuses refused, everything else posted, races won exactly once.
      for (const op of log) {
        if (op.intent === "reuse")
          expect(op.outcome, context).toMatchObject({ ok: false, code: "idempotency_conflict" });
        else if (op.intent !== "race") expect(op.outcome, context).toMatchObject({ ok: true });
      }
      const raceWins = new Map<string, number>();
      for (const op of log.filter((entry) => entry.intent === "race")) {
        const key = op.inputs[0]!.idempotencyKey;
        if (op.outcome.ok) raceWins.set(key, (raceWins.get(key) ?? 0) + 1);
        else expect(op.outcome, context).toMatchObject({ code: "idempotency_conflict", key });
      }
      expect([...raceWins.values()], context).toEqual(Array.from({ length: OPS_PER_WORKER / 50 }, () => 1));

      // Every key was posted once (one non-replay), every success names the stored id and payload.
      const stored = await getPool().query<{
        id: string;
        key: string;
        kind: TransferInput["kind"];
        from: string;
        to: string;
        amount: string;
      }>(
        `select id::text, idempotency_key as key, kind, from_account_id::text as from, to_account_id::text as to, amount_micros::text as amount
       from transfers where starts_with(idempotency_key, $1)`,
        [prefix],
      );
      const byKey = new Map(stored.rows.map((row) => [row.key, row]));
      const posted = new Map<string, TransferInput>();
      const firstPosts = new Map<string, number>();
      for (const op of log) {
        if (!op.outcome.ok) continue;
        const { ids, isReplay } = op.outcome;
        op.inputs.forEach((input, index) => {
          const row = byKey.get(input.idempotencyKey);
          expect(row, `${context}: ${input.idempotencyKey} reported posted but not stored`).toBeDefined();
          expect(ids[index]).toBe(BigInt(row!.id));
          const storedInput: TransferInput = {
            idempotencyKey: row!.key,
            kind: row!.kind,
            fromAccountId: BigInt(row!.from),
            toAccountId: BigInt(row!.to),
            amountMicros: BigInt(row!.amount),
          };
          expect(isSamePayload(storedInput, input), `${context}: ${input.idempotencyKey}`).toBe(true);
          posted.set(input.idempotencyKey, input);
          if (!isReplay[index]) firstPosts.set(input.idempotencyKey, (firstPosts.get(input.idempotencyKey) ?? 0) + 1);
        });
      }
      // Stored keys are exactly the reported ones: refused posts left nothing behind, not even the fresh
      // member of a batch whose other member conflicted.
      expect([...byKey.keys()].sort()).toEqual([...posted.keys()].sort());
      expect(firstPosts.size).toBe(posted.size);
      expect(
        [...firstPosts].filter(([, count]) => count !== 1),
        context,
      ).toEqual([]);

      // No lost update: balances recomputed from the log's distinct transfers equal the database's.
      const expected = new Map(initial);
      const ourSystem = new Map<bigint, bigint>();
      for (const input of posted.values()) {
        for (const [id, delta] of [
          [input.fromAccountId, -input.amountMicros],
          [input.toAccountId, input.amountMicros],
        ] as const) {
          if (expected.has(id)) expected.set(id, expected.get(id)! + delta);
          else ourSystem.set(id, (ourSystem.get(id) ?? 0n) + delta);
        }
      }
      const balances = await getPool().query<{
        id: string;
        cached: string;
        summed: string;
        state: string;
        low: string;
        floor: string;
      }>(
        `select a.id::text, a.balance_micros::text as cached, b.state, b.low_threshold_micros::text as low, b.floor_micros::text as floor,
         (select coalesce(sum(amount_micros), 0) from entries where ledger_account_id = a.id)::text as summed
       from ledger_accounts a join billing_accounts b on b.id = a.billing_account_id where a.id = any($1::bigint[])`,
        [customers.map(String)],
      );
      for (const row of balances.rows) {
        const balance = expected.get(BigInt(row.id))!;
        expect(BigInt(row.cached), `${context}: account ${row.id}`).toBe(balance);
        expect(BigInt(row.summed)).toBe(balance);
        expect(row.state).toBe(
          standingFor(balance, { lowThresholdMicros: BigInt(row.low), floorMicros: BigInt(row.floor) }),
        );
      }
      const systemSums = await getPool().query<{ id: string; total: string }>(
        `select e.ledger_account_id::text as id, sum(e.amount_micros)::text as total from entries e join transfers t on t.id = e.transfer_id
       where starts_with(t.idempotency_key, $1) and e.ledger_account_id <> all($2::bigint[]) group by e.ledger_account_id`,
        [prefix, customers.map(String)],
      );
      expect(new Map(systemSums.rows.map((row) => [BigInt(row.id), BigInt(row.total)]))).toEqual(ourSystem);
      expect(await checkLedgerInvariants(getDb())).toEqual([]);

      // Standing changes form an unbroken chain per account, each true to the balance it records: no two
      // racing posts both skipped a crossing. The walk must have reached the floor to prove anything.
      const changes = await getPool().query<{
        account_id: string;
        from_state: string;
        to_state: string;
        balance: string;
      }>(
        `select account_id, from_state, to_state, balance_micros::text as balance from standing_changes
       where account_id = any($1::text[]) order by id`,
        [[...billingByLedger.values()]],
      );
      for (const [ledgerId, accountId] of billingByLedger) {
        const chain = changes.rows.filter((row) => row.account_id === accountId);
        let state = "active"; // a new account starts active on its welcome credit (issue 17)
        for (const change of chain) {
          expect(change.from_state, `${context}: ${accountId}`).toBe(state);
          expect(change.to_state).toBe(standingFor(BigInt(change.balance), LIMITS));
          state = change.to_state;
        }
        expect(state).toBe(standingFor(expected.get(ledgerId)!, LIMITS));
      }
      expect(
        changes.rows.some((row) => row.to_state === "frozen"),
        context,
      ).toBe(true);
    },
    TIMEOUT_MS,
  );
});
