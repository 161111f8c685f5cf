import { ActionButton } from "@/components/ui/action-button";
import type { FormAction } from "@/lib/actions/action-state";
import { MAX_ACTIVE_API_KEYS } from "@/lib/api-keys/api-key-format";
import { ACCOUNT_API_BASE_PATH } from "@/lib/api-keys/paths";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import type { Queryable } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import type { AppSession } from "@/lib/session/app-session";
import { ApiKeyCreateForm } from "./api-key-create-form";
import { formatDateTime } from "./formats";

type ApiKeysPanelProps = {
  db: Queryable;
  session: AppSession;
  accountId: string;
  timeZone: string;
  create: FormAction;
  revoke: FormAction;
};

/**
 * Settings → API keys: personal, read-only keys for scripts (the account API, /api/account/v1). A new
 * key is shown once; the list says which keys exist and when each was last used, and revokes one
 * after a confirming second click (a <details>, so it works by keyboard and without JavaScript).
 */
export async function ApiKeysPanel({ db, session, accountId, timeZone, create, revoke }: ApiKeysPanelProps) {
  const keys = await listApiKeys(db, session);
  const accountUrl = `${getEnv().appUrl}${ACCOUNT_API_BASE_PATH}/accounts/${accountId}`;
  return (
    <section
      aria-labelledby="api-keys-heading"
      className="border-line bg-paper min-w-0 rounded-2xl border p-5 sm:p-6"
      data-testid="api-keys-panel"
    >
      <h2 id="api-keys-heading" className="text-base font-semibold">
        API keys
      </h2>
      <p className="text-ink-soft mt-2 text-sm leading-6">
        Read your balance, standing, budgets, usage and statement from a script. Keys are read-only: they can change
        nothing, and they read only this account. Up to {MAX_ACTIVE_API_KEYS} keys; the reference is at{" "}
        <a
          className="text-brand font-medium underline underline-offset-2"
          href={`${ACCOUNT_API_BASE_PATH}/openapi.json`}
        >
          {ACCOUNT_API_BASE_PATH}/openapi.json
        </a>
        .
      </p>
      <div className="mt-5">
        <ApiKeyCreateForm action={create} accountUrl={accountUrl} />
      </div>
      {keys.length === 0 ? (
        <p className="text-ink-soft mt-6 text-sm">No keys yet.</p>
      ) : (
        <ul className="divide-line border-line mt-6 divide-y border-y" aria-label="Your API keys">
          {keys.map((key) => (
            <li
              key={key.id.toString()}
              className="flex flex-col gap-3 py-4 sm:flex-row sm:items-start sm:justify-between"
              data-testid="api-key-row"
            >
              <div className="min-w-0 text-sm">
                <p className="font-medium break-words">{key.name}</p>
                <p className="text-ink-soft mt-1">
                  <code className="text-ink font-mono">{key.prefix}…</code> · created{" "}
                  {formatDateTime(key.createdAt, timeZone)} ·{" "}
                  {key.lastUsedAt ? `last used ${formatDateTime(key.lastUsedAt, timeZone)}` : "never used"}
                </p>
              </div>
              <details className="shrink-0 text-sm sm:text-right">
                <summary className="border-danger/40 text-danger hover:bg-danger/10 cursor-pointer rounded-lg border px-4 py-2 font-semibold sm:inline-block">
                  Revoke<span className="sr-only"> {key.name}</span>
                </summary>
                <div className="mt-3 space-y-2 sm:max-w-xs">
                  <p className="text-ink-soft">
                    Scripts using “{key.name}” stop working at once. This cannot be undone.
                  </p>
                  <ActionButton
                    action={revoke}
                    fields={{ keyId: key.id.toString() }}
                    label="Yes, revoke"
                    pendingLabel="Revoking…"
                    variant="danger"
                    ariaLabel={`Yes, revoke ${key.name}`}
                  />
                </div>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
