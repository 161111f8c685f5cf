// Real next-auth, configured exactly as the app is (createAuthConfig + createAuthRoute), driven through
// its route handlers with real requests. Only the scheduler differs: Next's after() needs a Next request
// scope, so deferred work (magic-link delivery) is queued here and run when a test says so, which also
// lets tests prove that nothing was mailed before the response existed.
import { randomUUID } from "node:crypto";
import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { createAuthConfig } from "@/lib/auth/auth-config";
import { createAuthRoute } from "@/lib/auth/auth-route";
import { getEnv } from "@/lib/env";
import { mailApiUrl } from "./test-env";

export type TestAuth = ReturnType<typeof createTestAuth>;
export type CaughtEmail = { subject: string; text: string; html: string; to: Array<{ address: string }> };

export const authOrigin = () => getEnv().authUrl;

export function createTestAuth() {
  const deferred: Array<() => Promise<void>> = [];
  const { handlers } = NextAuth(() => createAuthConfig({ deferTask: (task) => void deferred.push(task) }));
  return {
    route: createAuthRoute(handlers),
    deferredCount: () => deferred.length,
    /** Runs the work the app would run after its responses were sent. */
    async runDeferred(): Promise<void> {
      for (let task = deferred.shift(); task; task = deferred.shift()) await task();
    },
  };
}

/** A random private address, so tests do not share a per-IP rate-limit bucket. */
export function randomIp(): string {
  const bytes = randomUUID().replace(/-/g, "");
  return `10.${parseInt(bytes.slice(0, 2), 16)}.${parseInt(bytes.slice(2, 4), 16)}.${parseInt(bytes.slice(4, 6), 16)}`;
}

export function uniqueEmail(label: string): string {
  return `${label}-${randomUUID().slice(0, 8)}@example.test`;
}

export function cookiePairs(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
}

export type MagicLinkRequestOptions = { ip?: string; headers?: Record<string, string>; origin?: string };

/** POST /api/auth/signin/nodemailer as a browser would: CSRF token first, then the form. */
export async function requestMagicLink(auth: TestAuth, email: string, options: MagicLinkRequestOptions = {}): Promise<Response> {
  const origin = options.origin ?? authOrigin();
  const csrf = await auth.route.GET(new NextRequest(`${authOrigin()}/api/auth/csrf`));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const headers = new Headers({
    "content-type": "application/x-www-form-urlencoded",
    cookie: cookiePairs(csrf).join("; "),
    "x-forwarded-for": options.ip ?? randomIp(),
    ...options.headers,
  });
  const body = new URLSearchParams({ email, csrfToken, callbackUrl: `${authOrigin()}/account` });
  return auth.route.POST(new NextRequest(`${origin}/api/auth/signin/nodemailer`, { method: "POST", headers, body }));
}

/** Follows a magic link (GET on the callback); the answer is a redirect, with a session cookie on success. */
export function followLink(auth: TestAuth, link: string): Promise<Response> {
  return auth.route.GET(new NextRequest(link));
}

export function sessionCookieOf(response: Response): string | undefined {
  return cookiePairs(response).find((pair) => pair.startsWith("authjs.session-token="));
}

export type SessionBody = { user: { id: string; email: string; role: string }; expires: string } | null;

export async function readSession(auth: TestAuth, cookie: string): Promise<SessionBody> {
  const response = await auth.route.GET(new NextRequest(`${authOrigin()}/api/auth/session`, { headers: { cookie } }));
  return (await response.json()) as SessionBody;
}

export async function mailTo(address: string): Promise<CaughtEmail[]> {
  const emails = (await (await fetch(`${mailApiUrl()}/api/email`)).json()) as CaughtEmail[];
  return emails.filter((email) => email.to.some((to) => to.address === address));
}

export function linkIn(email: CaughtEmail | undefined): string {
  const link = email?.text.match(/https?:\/\/\S+\/api\/auth\/callback\/nodemailer\?\S+/)?.[0];
  if (!link) throw new Error("no sign-in link in the email");
  return link;
}

/** Requests a link for `email`, delivers it, and returns the link from the mail catcher. */
export async function mailedLink(auth: TestAuth, email: string): Promise<string> {
  const before = (await mailTo(email)).length;
  const response = await requestMagicLink(auth, email);
  if (response.status !== 302) throw new Error(`sign-in request answered ${response.status}`);
  await auth.runDeferred();
  const mails = await mailTo(email);
  if (mails.length !== before + 1) throw new Error(`expected one new email to ${email}, found ${mails.length - before}`);
  return linkIn(mails.at(-1));
}

/** Signs in by magic link and returns the session cookie. */
export async function signInByLink(auth: TestAuth, email: string): Promise<string> {
  const response = await followLink(auth, await mailedLink(auth, email));
  const cookie = sessionCookieOf(response);
  if (!cookie) throw new Error(`sign-in failed: ${response.status} ${response.headers.get("location")}`);
  return cookie;
}
