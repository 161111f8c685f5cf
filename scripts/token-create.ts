// npm run token:create -- --name host-fleet – creates a platform token for the billing API and prints it
// once: the secret alone on stdout (so `$(npm run -s token:create -- --name x)` captures it), the rest
// on stderr. Only its hash is stored; a lost token is replaced, never recovered.
import { parseArgs } from "node:util";
import { createPlatformToken } from "@/lib/billing/platform-tokens";
import { closeDb, getDb } from "@/lib/db/client";
import { getMigrationStatus } from "@/lib/db/migrations";
import { withDatabase } from "./lib/database";

const { values } = parseArgs({ options: { name: { type: "string" } } });
if (!values.name?.trim()) {
  console.error("usage: npm run token:create -- --name <what uses it, e.g. host-fleet>");
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
    const created = await createPlatformToken(getDb(), name);
    console.error(
      `Created platform token #${created.id} "${created.name}" (${created.prefix}…). It is shown once; store it now:`,
    );
    console.log(created.token);
  } finally {
    await closeDb();
  }
});
