// The fault campaign's world for one test file (tests/faults): a migrated database and a Stripe
// emulator of its own (the sites' job workers act on every row of their database, through their own
// Stripe), and real site servers (server.ts) of the test build that can be told to crash at a named
// point, killed, restarted and run side by side. Must be started before anything reads the environment.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import Stripe from "stripe";
import { startStripeEmulator, type StripeEmulator } from "@/emulators/stripe";
import { createBillingAccount } from "@/lib/billing/create-billing-account";
import { closeDb, getDb } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/run-transaction";
import { DEMO_STRIPE_SECRET_KEY } from "@/lib/env";
import type { CrashPoint } from "@/lib/faults/crash-point";
import { isProcessAlive } from "@/scripts/lib/file-lock";
import { startNextServer } from "@/scripts/lib/next-server";
import { findFreePort } from "@/scripts/lib/ports";
import { processTree } from "@/scripts/lib/process-tree";
import type { ScratchDatabase } from "@/scripts/lib/scratch-database";
import { createStackDatabase } from "@/scripts/lib/test-stack";
import { adminDatabaseUrl } from "./test-env";

export type Site = {
  url: string;
  port: number;
  /** The processes of this server (server.ts, and any child it starts). */
  pids: number[];
  stop: () => Promise<void>;
  /** Resolves once the server died by itself (its crash point); the rest of its tree is then stopped. */
  waitForCrash: (timeoutMs?: number) => Promise<void>;
  isAlive: () => boolean;
};

export type SiteOptions = { port?: number; crashAt?: CrashPoint; env?: Record<string, string>; onOutput?: (text: string) => void };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// What a site inherits from the test run: the stack's mail catcher and settings, not vitest's own
// variables (NODE_ENV=test would make the server run a non-production server).
function inheritedEnv(): NodeJS.ProcessEnv {
  // Typed as a process environment (which always names NODE_ENV), though this one leaves it out.
  const env = {} as NodeJS.ProcessEnv;
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || key === "NODE_ENV" || key.startsWith("VITEST") || key === "TEST") continue;
    env[key] = value;
  }
  return env;
}

export type FaultWorldOptions = {
  /** The Postgres server to create the database on (default: the test stack's). */
  adminUrl?: string;
};

export async function startFaultWorld(label: string, options: FaultWorldOptions = {}) {
  const distDir = process.env.FAULTS_DIST_DIR ?? "";
  if (distDir === "") throw new Error("The fault campaign needs the test build: run it with `npm test -- --only faults`.");
  const database: ScratchDatabase = await createStackDatabase(
    { env: { TEST_ADMIN_DATABASE_URL: options.adminUrl ?? adminDatabaseUrl() }, stop: async () => {} },
    label,
  );
  // Webhooks are retried for about half a minute: long enough to reach a server that is restarting.
  const emulator: StripeEmulator = await startStripeEmulator({
    port: 0,
    webhookUrls: [],
    retryBaseMs: 250,
    retryMaxMs: 2_000,
    webhookMaxAttempts: 25,
    log: () => {},
  });
  process.env.DATABASE_URL = database.url;
  process.env.STRIPE_API_URL = emulator.url;
  const stripe = new Stripe(DEMO_STRIPE_SECRET_KEY, { host: "127.0.0.1", port: emulator.port, protocol: "http", telemetry: false, maxNetworkRetries: 0 });
  const sites = new Set<Site>();

  async function control<T = unknown>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${emulator.url}/_emulator${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json()) as T;
    if (!response.ok) throw new Error(`emulator control ${path} answered ${response.status}: ${JSON.stringify(json)}`);
    return json;
  }

  async function startSite(options: SiteOptions = {}): Promise<Site> {
    const port = options.port ?? (await findFreePort());
    const url = `http://127.0.0.1:${port}`;
    let exited = false;
    const server = await startNextServer({
      port,
      distDir,
      env: {
        ...inheritedEnv(),
        DATABASE_URL: database.url,
        STRIPE_API_URL: emulator.url,
        // As the browser tests run it: sign-in links are built on APP_URL (AUTH_URL defaults to it).
        APP_URL: `http://localhost:${port}`,
        ...(options.crashAt ? { FAULT_CRASH_AT: options.crashAt } : {}),
        ...options.env,
      },
      onUnexpectedExit: () => {
        exited = true;
      },
      onOutput: options.onOutput,
    });
    const pids = server.pid === undefined ? [] : processTree(server.pid);
    const isAlive = () => !exited && pids.every(isProcessAlive);
    const site: Site = {
      url,
      port,
      pids,
      isAlive,
      stop: async () => {
        sites.delete(site);
        await server.stop();
      },
      waitForCrash: async (timeoutMs = 30_000) => {
        const deadline = Date.now() + timeoutMs;
        while (isAlive()) {
          if (Date.now() > deadline) throw new Error(`the server did not crash (at ${options.crashAt ?? "no crash point"}) within ${timeoutMs} ms`);
          await sleep(50);
        }
        await site.stop();
      },
    };
    sites.add(site);
    return site;
  }

  return {
    database,
    emulator,
    stripe,
    control,
    startSite,
    /** Sends the emulator's webhooks to these sites (each event to every one of them, at once). */
    sendWebhooksTo: (targets: Site[]) =>
      control("POST", "/webhooks", { mode: "normal", urls: targets.map((site) => `${site.url}/api/stripe/webhook`) }),
    async stop() {
      for (const site of [...sites]) await site.stop().catch(() => undefined);
      await emulator.close();
      await closeDb();
      await database.drop();
    },
  };
}

export type FaultWorld = Awaited<ReturnType<typeof startFaultWorld>>;

export type Customer = { userId: string; accountId: string; email: string };

/** A signed-up person with a billing account and its $5 welcome credit. */
export async function createCustomer(label = "faults"): Promise<Customer> {
  const email = `${label}-${randomUUID().slice(0, 8)}@example.test`;
  return runTransaction(getDb(), async (tx) => {
    const inserted = await tx.execute<{ id: string }>(sql`insert into "user" (id, email) values (${randomUUID()}, ${email}) returning id`);
    const userId = inserted.rows[0]!.id;
    return { userId, email, accountId: await createBillingAccount(tx, { userId }) };
  });
}

/** The start of the hour `hoursAgo` before the current one (recent, so no lateness bound refuses it). */
export function recentHour(hoursAgo = 1): Date {
  const hour = 3_600_000;
  return new Date((Math.floor(Date.now() / hour) - hoursAgo) * hour);
}

export async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 45_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(200);
  }
}

export async function balanceOf(accountId: string): Promise<bigint> {
  const rows = await getDb().execute<{ balance: string }>(sql`select balance_micros::text as balance from ledger_accounts where billing_account_id = ${accountId}`);
  return BigInt(rows.rows[0]!.balance);
}

export async function mailsTo(address: string): Promise<Array<{ subject: string }>> {
  const emails = (await (await fetch(`${process.env.MAIL_API_URL}/api/email`)).json()) as Array<{ subject: string; to: Array<{ address: string }> }>;
  return emails.filter((email) => email.to.some((to) => to.address === address));
}
