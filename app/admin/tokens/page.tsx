import { AdminPage } from "@/components/admin/admin-page";
import { AdminListSection } from "@/components/admin/admin-list-section";
import { CreateTokenForm } from "@/components/admin/create-token-form";
import { formatDate, formatDateTime } from "@/components/admin/format";
import { StatusBadge } from "@/components/admin/status-badge";
import { TokenRowActions } from "@/components/admin/token-row-actions";
import { listPlatformTokens, type PlatformTokenRow } from "@/lib/admin/list-platform-tokens";
import { ROTATION_GRACES } from "@/lib/admin/platform-token-schemas";
import { getDb } from "@/lib/db/client";
import { requireAdminPage } from "../require-admin-page";
import { createPlatformTokenAction, revokePlatformTokenAction, rotatePlatformTokenAction } from "./actions";
import { adminMetadata } from "../admin-metadata";

export const generateMetadata = adminMetadata({ title: "Platform tokens" });

function stateBadge(token: PlatformTokenRow) {
  switch (token.state) {
    case "active":
      return <StatusBadge tone="good">Active</StatusBadge>;
    case "expiring":
      return <StatusBadge tone="warn">{`Expires ${formatDateTime(token.expiresAt)}`}</StatusBadge>;
    case "expired":
      return <StatusBadge>Expired</StatusBadge>;
    case "revoked":
      return <StatusBadge tone="bad">Revoked</StatusBadge>;
  }
}

function lastUse(token: PlatformTokenRow): string {
  if (!token.lastUsedAt) return "never used";
  return `last used ${formatDateTime(token.lastUsedAt)} from ${token.lastUsedFrom ?? "an unknown address"}`;
}

export default async function AdminTokensPage() {
  const tokens = await listPlatformTokens(getDb(), await requireAdminPage());
  return (
    <AdminPage
      title="Platform tokens"
      lead="The platform's hosts call the billing API with these. Rotate to hand a host a new secret while the old one keeps working for a grace period; revoke to stop one at once."
    >
      <section aria-labelledby="new-token-heading" className="border-line bg-paper rounded-2xl border p-6">
        <h2 id="new-token-heading" className="mb-5 text-base font-semibold">
          New token
        </h2>
        <CreateTokenForm action={createPlatformTokenAction} />
      </section>
      <AdminListSection id="tokens" title="All tokens" emptyText="No tokens yet.">
        {tokens.map((token) => (
          <li
            key={token.id.toString()}
            className="grid gap-3 px-6 py-4 sm:grid-cols-[minmax(0,1fr)_auto] sm:items-center"
            data-testid="platform-token-row"
          >
            <div className="min-w-0">
              <p className="flex flex-wrap items-center gap-2">
                <span className="font-medium break-all">{token.name}</span>
                {stateBadge(token)}
              </p>
              <p className="text-ink-soft mt-1 text-sm">
                <span className="text-ink font-mono">{token.prefix}…</span> · scopes{" "}
                <span className="font-mono">{token.scopes.join(", ")}</span>
              </p>
              <p className="text-ink-soft mt-1 text-sm">
                Created {formatDate(token.createdAt)} by {token.createdByEmail ?? "a script"} · {lastUse(token)}
              </p>
            </div>
            <TokenRowActions
              tokenId={token.id.toString()}
              label={`${token.name} (${token.prefix}…)`}
              canRotate={token.state === "active"}
              canRevoke={token.state === "active" || token.state === "expiring"}
              graces={ROTATION_GRACES}
              rotate={rotatePlatformTokenAction}
              revoke={revokePlatformTokenAction}
            />
          </li>
        ))}
      </AdminListSection>
    </AdminPage>
  );
}
