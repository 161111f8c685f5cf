// npm run token:create -- --name host-fleet [--scopes ingest,read] – creates a platform token for the
// billing API and prints it once: the secret alone on stdout (so `$(npm run -s token:create -- --name x)`
// captures it), the rest on stderr. Only its hash is stored; a lost token is replaced, never recovered.
// Without --scopes the token holds both (`ingest`: POST /usage; `read`: the account reads).
import { parseArgs } from "node:util";
import { createPlatformToken, platformTokenScopes, type PlatformTokenScope } from "@/lib/billing/platform-tokens";
import { closeDb, getDb } from "@/lib/db/client";
import { getMigrationStatus } from "@/lib/db/migrations";
import { withDatabase } from "./lib/database";

const { values } = parseArgs({ options: { name: { type: "string" }, scopes: { type: "string" } } });
const scopes = (values.scopes ?? platformTokenScopes.join(",")).split(",").map((scope) => scope.trim());
const isKnownScope = (scope: string): scope is PlatformTokenScope =>
  (platformTokenScopes as readonly string[]).includes(scope);
if (!values.name?.trim() || !scopes.every(isKnownScope)) {
  console.error("usage: npm run token:create -- --name <what uses it, e.g. host-fleet> [--scopes ingest,read]");
  process.exit(2);
}
const name = values.name;

await withDatabase(async () => {
  try {
    // Migrating is a deploy step, never a side effect of making a token.
    const status = await getMigrationStatus(getDb());
    if (status.pending.length > 0) {
      console.error(
        `The database has ${status.pending.length} migration(s) to apply: run \`npm run db:migrate\` first.`,
      );
      process.exitCode = 1;
      return;
    }
    const created = await createPlatformToken(getDb(), name, { scopes: scopes.filter(isKnownScope) });
    console.error(
      `Created platform token #${created.id} "${created.name}" (${created.prefix}…, scopes ${created.scopes.join(", ")}). It is shown once; store it now:`,
    );
    console.log(created.token);
  } finally {
    await closeDb();
  }
});
