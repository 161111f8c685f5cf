// A pure, in-memory model of the ledger (DESIGN section 4) that property tests run beside the real one.
// It states what postTransfers means as plainly as possible: balances are sums of posted amounts, a
// transfer is stored under its idempotency key, the same key with the same payload replays, with other
// content it conflicts, and a post that fails in any member changes nothing. Standing is recomputed for
// every customer account a post names, like applyStanding, and follows standingFor.
import { standingFor, type StandingLimits, type StandingState } from "@/lib/ledger/standing";
import type { TransferInput } from "./types";

export type ModelCustomer = { limits: StandingLimits; state: StandingState };

export type LedgerModel = {
  /** Every account's balance: the sum of the amounts posted to it minus those posted from it. */
  balances: ReadonlyMap<bigint, bigint>;
  /** Customer credit accounts (the ones with a cached balance and a standing), by ledger account id. */
  customers: ReadonlyMap<bigint, ModelCustomer>;
  /** Posted transfers by idempotency key, in posting order. */
  transfers: ReadonlyMap<string, TransferInput>;
};

export type ModelStandingChange = {
  ledgerAccountId: bigint;
  from: StandingState;
  to: StandingState;
  balanceMicros: bigint;
};

export type ModelPostOutcome =
  | {
      ok: true;
      transfers: Array<{ idempotencyKey: string; isReplay: boolean }>;
      /** Balances after the post of the customer accounts it names (postTransfers' `balances`). */
      balances: Map<bigint, bigint>;
      standingChanges: ModelStandingChange[];
    }
  | { ok: false; code: "bad_request" | "idempotency_conflict" | "internal"; idempotencyKey?: string };

export function emptyLedgerModel(): LedgerModel {
  return { balances: new Map(), customers: new Map(), transfers: new Map() };
}

/** Adds an account with a zero balance; a customer account starts `active`, like billing_accounts.state. */
export function addModelAccount(model: LedgerModel, id: bigint, limits?: StandingLimits): LedgerModel {
  const customers = new Map(model.customers);
  if (limits) customers.set(id, { limits, state: "active" });
  return { ...model, balances: new Map(model.balances).set(id, 0n), customers };
}

/** Whether two transfers mean the same thing: what the payload hash covers, compared field by field. */
export function isSamePayload(a: TransferInput, b: TransferInput): boolean {
  const metadata = (input: TransferInput) =>
    JSON.stringify(Object.entries(input.metadata ?? {}).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
  return (
    a.kind === b.kind &&
    a.fromAccountId === b.fromAccountId &&
    a.toAccountId === b.toAccountId &&
    a.amountMicros === b.amountMicros &&
    (a.reason ?? null) === (b.reason ?? null) &&
    (a.reversesTransferId ?? null) === (b.reversesTransferId ?? null) &&
    metadata(a) === metadata(b)
  );
}

/** Posts `inputs` all or nothing, in the order postTransfers checks them; returns the next model. */
export function postModelTransfers(
  model: LedgerModel,
  inputs: TransferInput[],
): { model: LedgerModel; outcome: ModelPostOutcome } {
  const fail = (code: "bad_request" | "idempotency_conflict" | "internal", idempotencyKey?: string) => ({
    model,
    outcome: { ok: false as const, code, idempotencyKey },
  });
  for (const input of inputs) {
    const isKeyValid = input.idempotencyKey.length >= 1 && input.idempotencyKey.length <= 200;
    if (input.amountMicros <= 0n || input.fromAccountId === input.toAccountId || !isKeyValid)
      return fail("bad_request");
  }
  const batch = new Map<string, TransferInput>();
  for (const input of inputs) {
    const seen = batch.get(input.idempotencyKey);
    if (seen !== undefined && !isSamePayload(seen, input)) return fail("idempotency_conflict", input.idempotencyKey);
    batch.set(input.idempotencyKey, seen ?? input);
  }
  for (const input of batch.values()) {
    if (!model.balances.has(input.fromAccountId) || !model.balances.has(input.toAccountId)) return fail("internal");
  }
  for (const input of batch.values()) {
    const prior = model.transfers.get(input.idempotencyKey);
    if (prior !== undefined && !isSamePayload(prior, input)) return fail("idempotency_conflict", input.idempotencyKey);
  }

  const balances = new Map(model.balances);
  const transfers = new Map(model.transfers);
  for (const input of batch.values()) {
    if (transfers.has(input.idempotencyKey)) continue;
    transfers.set(input.idempotencyKey, input);
    balances.set(input.fromAccountId, balances.get(input.fromAccountId)! - input.amountMicros);
    balances.set(input.toAccountId, balances.get(input.toAccountId)! + input.amountMicros);
  }

  const customers = new Map(model.customers);
  const touched = new Map<bigint, bigint>();
  const standingChanges: ModelStandingChange[] = [];
  for (const id of [...batch.values()].flatMap((input) => [input.fromAccountId, input.toAccountId])) {
    const customer = customers.get(id);
    if (customer === undefined || touched.has(id)) continue;
    const balanceMicros = balances.get(id)!;
    touched.set(id, balanceMicros);
    const state = standingFor(balanceMicros, customer.limits);
    if (state !== customer.state) {
      standingChanges.push({ ledgerAccountId: id, from: customer.state, to: state, balanceMicros });
      customers.set(id, { ...customer, state });
    }
  }
  return {
    model: { balances, customers, transfers },
    outcome: {
      ok: true,
      transfers: inputs.map((input) => ({
        idempotencyKey: input.idempotencyKey,
        isReplay: model.transfers.has(input.idempotencyKey),
      })),
      balances: touched,
      standingChanges,
    },
  };
}

/**
 * Posts a new account's welcome credit the way createBillingAccount does: the money moves, but standing
 * is not recomputed, so the account stays `active` with no change recorded (the welcome credit is not a
 * crossing, DESIGN section 6), even when the credit is at or below the low threshold.
 */
export function postModelWelcomeCredit(model: LedgerModel, input: TransferInput): { model: LedgerModel; outcome: ModelPostOutcome } {
  const posted = postModelTransfers(model, [input]);
  if (!posted.outcome.ok) return posted;
  const customers = new Map(posted.model.customers);
  const customer = model.customers.get(input.toAccountId);
  if (customer !== undefined) customers.set(input.toAccountId, customer);
  return { model: { ...posted.model, customers }, outcome: { ...posted.outcome, standingChanges: [] } };
}
