// Helpers for the billing contacts' tests: the owner's session as the app builds it, the mail catcher's
// emails with their headers, and the link pages' requests as a browser or a mail provider sends them.
import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { getDb } from "@/lib/db/client";
import type { AppSession } from "@/lib/session/app-session";
import { randomIp } from "./auth-harness";
import { mailApiUrl } from "./test-env";

export type CaughtEmailWithHeaders = { id: string; subject: string; text: string; html: string; to: Array<{ address: string }> };

export function ownerSession(user: { userId: string; email: string }): AppSession {
  return { user: { id: user.userId, email: user.email, name: null, role: "user" }, expires: new Date(Date.now() + 86_400_000).toISOString() };
}

export async function emailsTo(address: string): Promise<CaughtEmailWithHeaders[]> {
  const emails = (await (await fetch(`${mailApiUrl()}/api/email`)).json()) as CaughtEmailWithHeaders[];
  return emails.filter((email) => email.to.some((to) => to.address === address));
}

/** Waits for an email to `address` whose subject starts with `subject`, and returns the newest. */
export async function waitForEmail(address: string, subject: string): Promise<CaughtEmailWithHeaders> {
  await expect.poll(async () => (await emailsTo(address)).filter((email) => email.subject.startsWith(subject)).length, { timeout: 10_000 }).toBeGreaterThan(0);
  return (await emailsTo(address)).filter((email) => email.subject.startsWith(subject)).at(-1)!;
}

/**
 * The header lines of an email as it was sent (the raw source: the catcher's parsed `headers` leave the
 * List-* ones out), unfolded, by lower-case name.
 */
export async function rawHeadersOf(email: CaughtEmailWithHeaders): Promise<Record<string, string>> {
  const source = await (await fetch(`${mailApiUrl()}/api/email/${email.id}/source`)).text();
  const head = source.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " ");
  return Object.fromEntries(head.split(/\r?\n/).map((line) => [line.slice(0, line.indexOf(":")).toLowerCase(), line.slice(line.indexOf(":") + 1).trim()]));
}

/** The first link to `path` in an email's plain-text part. */
export function linkIn(email: CaughtEmailWithHeaders, path: "/contacts/confirm" | "/contacts/unsubscribe"): URL {
  const found = email.text.match(new RegExp(`https?://[^\\s\\]]+${path}\\?[^\\s\\]]+`))?.[0];
  if (!found) throw new Error(`no ${path} link in "${email.subject}"`);
  return new URL(found);
}

/** The outbox rows owed to or sent to an address: their keys and templates. */
export async function outboxTo(address: string): Promise<Array<{ key: string; template: string }>> {
  const rows = await getDb().execute<{ key: string; template: string }>(sql`
    select idempotency_key as key, template from email_outbox where to_address = ${address} order by id`);
  return rows.rows;
}

const HOST = "tandem.test";

/** The confirm page's button, as a browser posts it (same origin). */
export function confirmPost(token: string, headers: Record<string, string> = {}): Request {
  return new Request(`http://${HOST}/contacts/confirm`, {
    method: "POST",
    headers: { host: HOST, origin: `http://${HOST}`, "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": randomIp(), ...headers },
    body: new URLSearchParams({ token }).toString(),
  });
}

/**
 * A POST to an unsubscribe link: the RFC 8058 one-click a mail provider sends from its servers (no
 * cookie, no Origin), or the page's button (`origin` set), with the body both send.
 */
export function unsubscribePost(link: URL, options: { origin?: string; ip?: string } = {}): Request {
  const headers: Record<string, string> = { host: HOST, "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": options.ip ?? randomIp() };
  if (options.origin) headers.origin = options.origin;
  return new Request(`http://${HOST}${link.pathname}${link.search}`, { method: "POST", headers, body: "List-Unsubscribe=One-Click" });
}
