import "server-only";
import type { Database, Transaction } from "./client";

// Serialization failures and deadlocks are safe to retry whole; so is a unique violation raised when a
// concurrent transaction committed the same idempotency key first (the retry then sees it and replays).
const RETRYABLE = new Set(["40001", "40P01", "23505"]);

function sqlState(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Runs `work` in a transaction, retrying it from the start when Postgres says a retry can succeed. */
export async function runTransaction<T>(db: Database, work: (tx: Transaction) => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(work);
    } catch (error) {
      const state = sqlState(error);
      if (attempt >= attempts || state === undefined || !RETRYABLE.has(state)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    }
  }
}

export { sqlState };
