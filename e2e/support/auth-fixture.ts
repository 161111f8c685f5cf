// Auth fixtures for Playwright: invites written straight to the test database (the e2e build runs
// without the demo seed) and magic links read from the mail catcher. Refuses non-local databases.
import { randomUUID } from "node:crypto";
import { test as base, expect } from "@playwright/test";
import pg from "pg";

type CaughtEmail = { text: string; to: Array<{ address: string }> };

function requireEnv(name: "DATABASE_URL" | "MAIL_API_URL"): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the end-to-end tests with \`npm run test:e2e\`.`);
  return value;
}

function assertLocalDatabase(url: string): string {
  const { hostname } = new URL(url);
  if (!["127.0.0.1", "localhost", "::1"].includes(hostname)) {
    throw new Error(`Refusing to write test invites to ${hostname}: not a local database.`);
  }
  return url;
}

export function uniqueEmail(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.com`;
}


export async function mailTo(address: string): Promise<CaughtEmail[]> {
  const emails = (await (await fetch(`${requireEnv("MAIL_API_URL")}/api/email`)).json()) as CaughtEmail[];
  return emails.filter((email) => email.to.some((to) => to.address === address));
}

const signInLinkIn = (email: CaughtEmail) => email.text.match(/https?:\/\/\S+\/api\/auth\/callback\/nodemailer\?\S+/)?.[0];

/**
 * Waits for the `count`-th email to `address` that carries a sign-in link and returns the link. Other
 * emails to the same address (the waitlist's confirmation, a standing email the site's sweep sends a
 * new account) can arrive between them, so they are not counted.
 */
export async function waitForLink(address: string, count = 1): Promise<string> {
  const links = async () => (await mailTo(address)).flatMap((email) => signInLinkIn(email) ?? []);
  await expect.poll(async () => (await links()).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(count);
  return (await links())[count - 1]!;
}

type AuthFixtures = {
  /** Writes a pending invite for the email, as an operator's approval will. */
  invite: (email: string) => Promise<void>;
};

// (`provide` is Playwright's `use`, renamed so the React hooks lint rule does not mistake it.)
export const test = base.extend<AuthFixtures, { database: pg.Pool }>({
  database: [
    async ({}, provide) => {
      const pool = new pg.Pool({ connectionString: assertLocalDatabase(requireEnv("DATABASE_URL")), max: 2 });
      await provide(pool);
      await pool.end();
    },
    { scope: "worker" },
  ],
  invite: async ({ database }, provide) => {
    await provide(async (email) => {
      await database.query(`insert into invites (email, source, expires_at) values ($1, 'operator', now() + interval '14 days')`, [email]);
    });
  },
  // Each test gets its own client address (X-Forwarded-For), so per-IP limits do not couple tests.
  extraHTTPHeaders: async ({}, provide) => {
    const hex = randomUUID().replace(/-/g, "");
    await provide({ "x-forwarded-for": `10.${[0, 2, 4].map((at) => parseInt(hex.slice(at, at + 2), 16)).join(".")}` });
  },
});

export { expect };
