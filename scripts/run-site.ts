// npm start – the whole demo on one machine: embedded Postgres, the mail catcher, migrations, demo data,
// a build when the source changed, and `next start`. Ctrl-C stops everything it started.
import { mkdir, writeFile } from "node:fs/promises";
import { buildIfStale } from "./lib/build-site";
import { buildIslands } from "./lib/build-islands";
import { leaseDatabase } from "./lib/database";
import { startMailCatcher, type MailCatcher } from "./lib/mail-catcher";
import { startNextServer, stopLeftoverServer, type NextServer } from "./lib/next-server";
import { DATA_DIR, DEMO_JSON, DEMO_MAIL, DEMO_SITE_PIDS, DEMO_STRIPE } from "./lib/paths";
import { formatTable } from "./lib/print-table";

const started = Date.now();
const isDev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;
const cleanups: Array<() => Promise<void>> = [];
let isStopping = false;

async function stopAll(code: number): Promise<never> {
  if (isStopping) return new Promise<never>(() => {});
  isStopping = true;
  console.log("\nstopping…");
  for (const cleanup of cleanups.reverse()) {
    await cleanup().catch((error: unknown) => console.error("cleanup failed:", error));
  }
  process.exit(code);
}

process.on("SIGINT", () => void stopAll(0));
process.on("SIGTERM", () => void stopAll(0));

async function main() {
  await mkdir(DATA_DIR, { recursive: true });
  await stopLeftoverServer(DEMO_SITE_PIDS);
  const database = await leaseDatabase();
  cleanups.push(database.release);

  let mail: MailCatcher | undefined;
  if (!process.env.SMTP_URL) {
    mail = await startMailCatcher(DEMO_MAIL);
    cleanups.push(mail.stop);
    process.env.SMTP_URL = mail.smtpUrl;
  }
  process.env.APP_MODE ??= "demo";
  process.env.APP_URL = appUrl;

  let stripeEmulatorUrl: string | undefined;
  if (!process.env.STRIPE_SECRET_KEY) {
    const { startStripeEmulator } = await import("@/emulators/stripe");
    const emulator = await startStripeEmulator({
      port: DEMO_STRIPE.port,
      webhookUrls: [`${appUrl}/api/stripe/webhook`],
      stateFile: DEMO_STRIPE.stateFile,
    });
    cleanups.push(() => emulator.close());
    stripeEmulatorUrl = emulator.url;
    process.env.STRIPE_API_URL = emulator.url;
  }

  // The tables' owner migrates; the seed and the site connect as a login in role tandem_app, which owns
  // nothing (migration app_role). The embedded cluster gets the demo's login; a configured database
  // brings its own (DATABASE_URL), with the owner in MIGRATION_DATABASE_URL (README).
  const { migrateDatabaseAt } = await import("@/lib/db/migrate-database-at");
  const { ensureAppLogin } = await import("@/lib/db/ensure-app-login");
  const { parseEnv } = await import("@/lib/env");
  const ownerUrl = database.isEmbedded ? database.url : (parseEnv().migrationDatabaseUrl ?? database.url);
  await migrateDatabaseAt(ownerUrl);
  if (database.isEmbedded) process.env.DATABASE_URL = await ensureAppLogin(ownerUrl);

  // Imported only now: lib/env reads the variables set above.
  const { getDb, closeDb } = await import("@/lib/db/client");
  const { seedDemo } = await import("@/lib/demo/seed-demo");
  const seeded = await seedDemo(getDb());
  await closeDb();

  if (isDev) await buildIslands();
  const built = isDev
    ? false
    : await buildIfStale({ distDir: ".next", env: process.env, buildEnv: { APP_MODE: process.env.APP_MODE } });
  const server: NextServer = await startNextServer({
    port,
    distDir: isDev ? ".next-dev" : ".next",
    env: process.env,
    mode: isDev ? "dev" : "start",
    pidFile: DEMO_SITE_PIDS,
    onUnexpectedExit: (code) => {
      console.error(`the site exited unexpectedly (code ${code})`);
      void stopAll(1);
    },
  });
  cleanups.push(server.stop);

  const demo = { appUrl, ...seeded, mailApiUrl: mail ? `${mail.apiUrl}/api/email` : undefined, stripeEmulatorUrl };
  await writeFile(DEMO_JSON, `${JSON.stringify(demo, null, 2)}\n`);
  console.log(
    `\nTandem is running (${isDev ? "development server" : built ? "built" : "build up to date"}, ready in ${((Date.now() - started) / 1000).toFixed(1)} s)\n\n` +
      formatTable([
        ["site", appUrl],
        ["database", database.isEmbedded ? `${process.env.DATABASE_URL!.replace(/:[^:@/]+@/, ":***@")} (embedded, .data/postgres)` : "DATABASE_URL"],
        ["mail catcher", mail ? `${mail.apiUrl} (SMTP ${mail.smtpUrl})` : "SMTP_URL"],
        ["stripe", stripeEmulatorUrl ? `${stripeEmulatorUrl} (emulator, key sk_test_emulator)` : "STRIPE_SECRET_KEY"],
        ["operator", seeded.adminEmail],
        ["demo user", `${seeded.userEmail} (${seeded.userAccount})`],
        ["demo data", "`.data/demo.json`"],
      ]) +
      "\n\nPress Ctrl-C to stop everything.\n",
  );
  await new Promise<never>(() => {});
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await stopAll(1);
});
