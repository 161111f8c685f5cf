// "Continue with GitHub" driven the way a browser does it, against the app's real Auth.js route handlers
// and a fake GitHub on loopback: start the sign-in (POST /api/auth/signin/github), follow the redirect
// to GitHub's authorize page, which sends the browser back to our callback with a code, and follow that.
import { NextRequest } from "next/server";
import { authOrigin, cookiePairs, randomIp, type TestAuth } from "./auth-harness";

export type GitHubSignInResult = { authorizeUrl: URL; callback: Response };

export type GitHubSignInOptions = { /** Swap GitHub's code for another on the way back (a forged callback). */ replaceCode?: string };

export async function signInWithGitHub(auth: TestAuth, options: GitHubSignInOptions = {}): Promise<GitHubSignInResult> {
  const csrf = await auth.route.GET(new NextRequest(`${authOrigin()}/api/auth/csrf`));
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  // Cookies by name, later ones replacing earlier ones, as a browser keeps them.
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const pair of cookiePairs(response)) jar.set(pair.slice(0, pair.indexOf("=")), pair);
  };
  const cookieHeader = () => [...jar.values()].join("; ");
  keep(csrf);
  const start = await auth.route.POST(
    new NextRequest(`${authOrigin()}/api/auth/signin/github`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(), "x-forwarded-for": randomIp() },
      body: new URLSearchParams({ csrfToken, callbackUrl: `${authOrigin()}/account` }),
    }),
  );
  const authorizeLocation = start.headers.get("location");
  if (start.status !== 302 || !authorizeLocation) throw new Error(`GitHub sign-in did not start: ${start.status}`);
  keep(start);

  const authorized = await fetch(authorizeLocation, { redirect: "manual" });
  const callbackLocation = authorized.headers.get("location");
  if (authorized.status !== 302 || !callbackLocation) throw new Error(`fake GitHub did not redirect back: ${authorized.status}`);
  const callbackUrl = new URL(callbackLocation);
  if (options.replaceCode !== undefined) callbackUrl.searchParams.set("code", options.replaceCode);
  const callback = await auth.route.GET(new NextRequest(callbackUrl, { headers: { cookie: cookieHeader() } }));
  return { authorizeUrl: new URL(authorizeLocation), callback };
}
