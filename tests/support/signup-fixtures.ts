// Signed-in people and mail for the signup tests: real sign-ins through the auth harness, so the
// sessions handed to lib functions are exactly what the app's pages and actions get.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { appSessionSchema, type AppSession } from "@/lib/session/app-session";
import { getDb } from "@/lib/db/client";
import { AppError, type ErrorCode } from "@/lib/errors";
import { mailTo, readSession, signInByLink, uniqueEmail, type CaughtEmail, type TestAuth } from "./auth-harness";
import { inviteEmail } from "./auth-fixtures";

export type SignedIn = { email: string; cookie: string; session: AppSession };

/** An invited member, signed in by magic link. */
export async function signedInMember(auth: TestAuth, label = "member"): Promise<SignedIn> {
  const email = uniqueEmail(label);
  await inviteEmail(email);
  const cookie = await signInByLink(auth, email);
  return { email, cookie, session: appSessionSchema.parse(await readSession(auth, cookie)) };
}

/** An operator: a user stored with the admin role (as the demo seed makes one), signed in by magic link. */
export async function signedInOperator(auth: TestAuth): Promise<SignedIn> {
  const email = uniqueEmail("operator");
  await getDb().execute(sql`insert into "user" (id, email, "emailVerified", role) values (${randomUUID()}, ${email}, now(), 'admin')`);
  const cookie = await signInByLink(auth, email);
  return { email, cookie, session: appSessionSchema.parse(await readSession(auth, cookie)) };
}

/** Waits until `count` emails to `address` have arrived (mail is sent after the response) and returns them. */
export async function waitForMail(address: string, count = 1): Promise<CaughtEmail[]> {
  await expect.poll(async () => (await mailTo(address)).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(count);
  return mailTo(address);
}

/** Gives sent-after-response mail time to arrive, for tests that prove none was sent. */
export function settle(ms = 500): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function withdrawTokenIn(email: CaughtEmail | undefined): string {
  const token = email?.text.match(/\/waitlist\/withdraw\?token=([A-Za-z0-9_-]+)/)?.[1];
  if (!token) throw new Error("no withdraw link in the email");
  return token;
}

/** Runs `work` and returns the AppError code it throws (failing when it throws nothing or something else). */
export async function errorCodeOf(work: () => Promise<unknown>): Promise<ErrorCode> {
  try {
    await work();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  throw new Error("expected an AppError, but nothing was thrown");
}
