import "server-only";
import GitHub from "next-auth/providers/github";
import type { Env } from "@/lib/env";

type GitHubEmail = { email: string; primary: boolean; verified: boolean };

/**
 * GitHub sign-in, on github.com or on `baseUrl` (GitHub Enterprise, or a fake GitHub on loopback in
 * tests). Invites are by email, so the profile's email is always the account's primary *verified*
 * address from /user/emails, never the free-text public email; without one, sign-in is refused.
 */
export function githubProvider(config: NonNullable<Env["github"]>) {
  const apiBaseUrl = config.baseUrl ? `${config.baseUrl}/api/v3` : "https://api.github.com";
  return GitHub({
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    enterprise: config.baseUrl ? { baseUrl: config.baseUrl } : undefined,
    // PKCE is Auth.js's default; GitHub also echoes `state`, so check both.
    checks: ["pkce", "state"],
    userinfo: {
      url: `${apiBaseUrl}/user`,
      async request({ tokens }: { tokens: { access_token?: string } }) {
        const headers = { Authorization: `Bearer ${tokens.access_token}`, Accept: "application/vnd.github+json", "User-Agent": "tandem" };
        const profile = (await (await fetch(`${apiBaseUrl}/user`, { headers })).json()) as Record<string, unknown>;
        const response = await fetch(`${apiBaseUrl}/user/emails`, { headers });
        const emails = response.ok ? ((await response.json()) as GitHubEmail[]) : [];
        return { ...profile, email: emails.find((entry) => entry.primary && entry.verified)?.email ?? null };
      },
    },
  });
}
