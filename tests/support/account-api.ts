// Request builders and factories for the account API's integration tests (/api/account/v1, personal API
// keys): real accounts, sessions and keys in the test database, unique per call.
import type { AppSession } from "@/lib/session/app-session";
import { createApiKey, type CreatedApiKey } from "@/lib/api-keys/create-api-key";
import { getDb } from "@/lib/db/client";
import { createTestAccount, type TestAccount } from "./billing-api";

export const ACCOUNT_API_URL = "http://localhost/api/account/v1";

export type KeyHolder = TestAccount & { session: AppSession };

/** A user with a billing account, and the session its settings page would act with. */
export async function createKeyHolder(): Promise<KeyHolder> {
  const account = await createTestAccount();
  const session: AppSession = {
    user: { id: account.userId, email: account.email, name: null, role: "user" },
    expires: new Date(Date.now() + 86_400_000).toISOString(),
  };
  return { ...account, session };
}

export function createKey(holder: KeyHolder, name = "script"): Promise<CreatedApiKey> {
  return createApiKey(getDb(), holder.session, name);
}

type ApiRequestOptions = { key?: string; authorization?: string; method?: string; ip?: string };

/** A request to the account API, `path` relative to /api/account/v1 (query string included). */
export function apiRequest(path: string, options: ApiRequestOptions = {}): Request {
  const headers = new Headers();
  const authorization = options.authorization ?? (options.key ? `Bearer ${options.key}` : undefined);
  if (authorization !== undefined) headers.set("authorization", authorization);
  // What the proxy leaves for a direct client (no trusted proxy): its socket's address, one entry.
  if (options.ip) headers.set("x-forwarded-for", options.ip);
  const method = options.method ?? "GET";
  const body = ["POST", "PUT", "PATCH"].includes(method) ? JSON.stringify({ balance_micros: "999999999" }) : undefined;
  return new Request(`${ACCOUNT_API_URL}${path}`, { method, headers, body });
}

export function accountParams(account: string): { params: Promise<{ account: string }> } {
  return { params: Promise.resolve({ account }) };
}
