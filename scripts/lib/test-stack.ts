// The services the integration and end-to-end tests run against: a throwaway Postgres cluster (or a
// fresh database on TEST_DATABASE_URL's server), a mail catcher and a Stripe emulator on free ports. Nothing is shared
// with `npm start`, so tests can run while the demo runs. As in production, the tables' owner migrates and
// the code under test connects as a login in role tandem_app (DATABASE_URL), which owns nothing: every
// test then shows the site works with least privilege. TEST_OWNER_DATABASE_URL is the owner, for tests
// that stage what the site may not do.
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startStripeEmulator } from "@/emulators/stripe";
import { acquireEmbeddedPostgres } from "./embedded-postgres";
import { startMailCatcher } from "./mail-catcher";
import { findFreePort } from "./ports";
import { createScratchDatabase, type ScratchDatabase } from "./scratch-database";

export type TestStack = { env: Record<string, string>; stop: () => Promise<void> };

/** Where this process's throwaway embedded cluster lives (unused when TEST_DATABASE_URL is set). */
export function embeddedClusterDir(): string {
  return path.join(tmpdir(), `platform-test-pg-${process.pid}`);
}

export async function startTestStack(): Promise<TestStack> {
  const stops: Array<() => Promise<void>> = [];
  let databaseUrl: string;
  let adminUrl: string;
  if (process.env.TEST_DATABASE_URL) {
    const scratch = await createScratchDatabase(process.env.TEST_DATABASE_URL, "run");
    databaseUrl = scratch.url;
    adminUrl = process.env.TEST_DATABASE_URL;
    stops.push(scratch.drop);
  } else {
    const dataDir = embeddedClusterDir();
    const cluster = await acquireEmbeddedPostgres({ dataDir, port: await findFreePort(), database: "platform_test" });
    databaseUrl = cluster.url;
    adminUrl = cluster.adminUrl;
    stops.push(async () => {
      await cluster.release();
      await rm(dataDir, { recursive: true, force: true });
      await rm(`${dataDir}.clients`, { recursive: true, force: true });
    });
  }
  const mail = await startMailCatcher({ smtpPort: await findFreePort(), webPort: await findFreePort() });
  stops.push(mail.stop);
  // Webhooks go nowhere until the end-to-end server's address is known (setStripeWebhookUrl).
  const stripe = await startStripeEmulator({ port: 0, webhookUrls: [], retryBaseMs: 50, retryMaxMs: 1000, log: () => {} });
  stops.push(() => stripe.close());

  const appUrl = await migrateForApp(databaseUrl);
  process.env.DATABASE_URL = appUrl;

  return {
    env: {
      APP_MODE: "demo",
      DATABASE_URL: appUrl,
      TEST_OWNER_DATABASE_URL: databaseUrl,
      TEST_ADMIN_DATABASE_URL: adminUrl,
      SMTP_URL: mail.smtpUrl,
      MAIL_API_URL: mail.apiUrl,
      STRIPE_API_URL: stripe.url,
      STRIPE_EMULATOR_URL: stripe.url,
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
      // The tests play the one proxy in front of the site: each sends its own X-Forwarded-For, so per-IP
      // limits do not couple tests (lib/http/client-ip.ts).
      TRUSTED_PROXY_HOPS: "1",
    },
    stop: async () => {
      for (const stop of stops.reverse()) await stop().catch((error: unknown) => console.error(error));
    },
  };
}

/** Migrates the database at `ownerUrl` as its owner; returns its URL for the site's own login. */
async function migrateForApp(ownerUrl: string): Promise<string> {
  const { migrateDatabaseAt } = await import("@/lib/db/migrate-database-at");
  const { ensureAppLogin } = await import("@/lib/db/ensure-app-login");
  await migrateDatabaseAt(ownerUrl);
  return ensureAppLogin(ownerUrl);
}

/**
 * A second, migrated database on the stack's server, for the end-to-end run: its site runs background
 * sweeps (owed emails, auto-recharge) that would otherwise act on what the integration tests left
 * behind, and integration tests must not see the browser tests' rows either.
 */
export async function createStackDatabase(
  stack: TestStack,
  label: string,
): Promise<ScratchDatabase & { ownerUrl: string }> {
  const database = await createScratchDatabase(stack.env.TEST_ADMIN_DATABASE_URL!, label);
  // `url` is what the end-to-end site and its fixtures connect with: the site's own login.
  return { url: await migrateForApp(database.url), ownerUrl: database.url, drop: database.drop };
}

/** Points the test emulator's webhooks at a server (the end-to-end site) once its address is known. */
export async function setStripeWebhookUrl(stack: TestStack, url: string): Promise<void> {
  const response = await fetch(`${stack.env.STRIPE_EMULATOR_URL}/_emulator/webhooks`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ urls: [url] }),
  });
  if (!response.ok) throw new Error(`could not set the emulator's webhook URL: ${response.status}`);
}
