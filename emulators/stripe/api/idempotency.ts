import { idempotencyError } from "../core/errors";
import type { EmulatorState, IdempotencyRecord } from "../core/state";

const KEY_LIFETIME_SECONDS = 24 * 60 * 60;

function canonicalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalize);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, inner]) => [key, canonicalize(inner)]),
    );
  }
  return value;
}

export function fingerprintParams(params: unknown): string {
  return JSON.stringify(canonicalize(params));
}

// Keys are scoped per API key, as in Stripe.
export function scopeKey(apiKey: string, idempotencyKey: string): string {
  return `${apiKey}\u0000${idempotencyKey}`;
}

// The stored answer for a repeated key, or a conflict error when the request differs.
export function findReplay(
  state: EmulatorState,
  scope: string,
  request: { method: string; path: string; fingerprint: string; key: string },
): IdempotencyRecord | undefined {
  const record = Object.hasOwn(state.idempotency, scope) ? state.idempotency[scope] : undefined;
  if (!record) return undefined;
  if (record.createdAt + KEY_LIFETIME_SECONDS < Date.now() / 1000) {
    delete state.idempotency[scope];
    return undefined;
  }
  const isSameRequest =
    record.method === request.method && record.path === request.path && record.fingerprint === request.fingerprint;
  if (!isSameRequest) throw idempotencyError(request.key);
  return record;
}

// Stripe saves an answer once the endpoint started executing: successes, card errors and 500s,
// but not validation failures (those can be retried with corrected params under the same key).
export function shouldRemember(status: number): boolean {
  return status < 400 || status === 402 || status >= 500;
}

export function rememberResponse(state: EmulatorState, scope: string, record: IdempotencyRecord): void {
  state.idempotency[scope] = record;
}
