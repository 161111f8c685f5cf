// A small GitHub on loopback for offline sign-in tests: the OAuth app endpoints Auth.js's GitHub provider
// uses with `enterprise.baseUrl` (authorize, access token) and the REST API it reads (`/api/v3/user`,
// `/api/v3/user/emails`). It checks what real GitHub checks (client id and secret, redirect URI, a
// single-use code, PKCE) so a misconfigured provider fails here as it would against github.com.
// Who is signed in at "GitHub": set in-process with signInAs() (integration tests), or, when nobody
// is, typed into the authorize page's form by the browser (end-to-end tests), so parallel browser
// tests never share an identity.
import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { escapeHtml } from "@/lib/email/escape-html";

export type FakeGitHubEmail = { email: string; primary: boolean; verified: boolean };

/** The GitHub account that "is signed in" at the fake: what it authorizes and what its API returns. */
export type FakeGitHubUser = { id: number; login: string; name: string | null; publicEmail: string | null; emails: FakeGitHubEmail[] };

type PendingCode = { user: FakeGitHubUser; redirectUri: string; codeChallenge: string | undefined };

export type FakeGitHubOptions = { clientId: string; clientSecret: string };

export type FakeGitHub = {
  baseUrl: string;
  /** Who the next authorization is for (GitHub would ask the person to sign in; the fake just is them). */
  signInAs(user: FakeGitHubUser): void;
  /** Every token request answered, with why it was refused if it was. */
  tokenRequests: Array<{ granted: boolean; reason?: string }>;
  close(): Promise<void>;
};

const token = () => randomBytes(20).toString("hex");

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  if (!header?.startsWith("Basic ")) return undefined;
  const [id, secret] = Buffer.from(header.slice(6), "base64").toString("utf8").split(":");
  if (id === undefined || secret === undefined) return undefined;
  return { id: decodeURIComponent(id.replace(/\+/g, " ")), secret: decodeURIComponent(secret.replace(/\+/g, " ")) };
}

let formUserIds = 5000;

/** The identity typed into the authorize page: one verified (or not) primary email. */
function userFromForm(params: URLSearchParams): FakeGitHubUser | undefined {
  const email = params.get("fake_email");
  if (!email) return undefined;
  const id = formUserIds++;
  return { id, login: `octo${id}`, name: null, publicEmail: null, emails: [{ email, primary: true, verified: params.get("fake_verified") === "on" }] };
}

function authorizePage(params: URLSearchParams): string {
  const hidden = [...params].map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`).join("");
  return `<!doctype html><html lang="en"><head><title>Authorize application – fake GitHub</title></head><body>
<h1>Authorize Tandem</h1><form method="get" action="/login/oauth/authorize">${hidden}
<label>GitHub account email <input name="fake_email" type="email" required></label>
<label><input name="fake_verified" type="checkbox" checked> Verified</label>
<button type="submit">Authorize</button></form></body></html>`;
}

export async function startFakeGitHub(options: FakeGitHubOptions): Promise<FakeGitHub> {
  const codes = new Map<string, PendingCode>();
  const accessTokens = new Map<string, FakeGitHubUser>();
  const tokenRequests: FakeGitHub["tokenRequests"] = [];
  let current: FakeGitHubUser | undefined;

  function authorize(url: URL, res: ServerResponse): void {
    const redirectUri = url.searchParams.get("redirect_uri");
    if (url.searchParams.get("client_id") !== options.clientId || !redirectUri) {
      sendJson(res, 400, { error: "bad authorize request" });
      return;
    }
    const user = current ?? userFromForm(url.searchParams);
    if (!user) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(authorizePage(url.searchParams));
      return;
    }
    const code = token();
    codes.set(code, { user, redirectUri, codeChallenge: url.searchParams.get("code_challenge") ?? undefined });
    const back = new URL(redirectUri);
    back.searchParams.set("code", code);
    const state = url.searchParams.get("state");
    if (state !== null) back.searchParams.set("state", state);
    res.writeHead(302, { location: back.toString() });
    res.end();
  }

  async function exchangeCode(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = new URLSearchParams(await readBody(req));
    const credentials = basicCredentials(req.headers.authorization) ?? { id: form.get("client_id") ?? "", secret: form.get("client_secret") ?? "" };
    const pending = codes.get(form.get("code") ?? "");
    codes.delete(form.get("code") ?? "");
    const verifier = form.get("code_verifier");
    const refusal =
      credentials.id !== options.clientId || credentials.secret !== options.clientSecret
        ? "bad client credentials"
        : !pending
          ? "unknown or used code"
          : pending.redirectUri !== form.get("redirect_uri")
            ? "redirect_uri mismatch"
            : pending.codeChallenge !== undefined &&
                (verifier === null || createHash("sha256").update(verifier).digest("base64url") !== pending.codeChallenge)
              ? "PKCE verifier mismatch"
              : undefined;
    tokenRequests.push(refusal ? { granted: false, reason: refusal } : { granted: true });
    // GitHub answers a bad code with 200 and an error body; Auth.js must treat that as a failure.
    if (refusal || !pending) return sendJson(res, 200, { error: "bad_verification_code", error_description: refusal });
    const accessToken = token();
    accessTokens.set(accessToken, pending.user);
    sendJson(res, 200, { access_token: accessToken, token_type: "bearer", scope: "read:user,user:email" });
  }

  function api(path: string, req: IncomingMessage, res: ServerResponse): void {
    const user = accessTokens.get(req.headers.authorization?.replace(/^(Bearer|token) /i, "") ?? "");
    if (!user) return sendJson(res, 401, { message: "Bad credentials" });
    if (path === "/api/v3/user") {
      return sendJson(res, 200, { id: user.id, login: user.login, name: user.name, email: user.publicEmail, avatar_url: null });
    }
    if (path === "/api/v3/user/emails") return sendJson(res, 200, user.emails);
    sendJson(res, 404, { message: "Not Found" });
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://fake-github");
    if (req.method === "GET" && url.pathname === "/login/oauth/authorize") return authorize(url, res);
    if (req.method === "POST" && url.pathname === "/login/oauth/access_token") {
      exchangeCode(req, res).catch(() => sendJson(res, 500, { message: "fake GitHub failed" }));
      return;
    }
    if (req.method === "GET" && url.pathname.startsWith("/api/v3/")) return api(url.pathname, req, res);
    // Browsers ask every origin for one; a 404 would show up as a console error in end-to-end tests.
    if (url.pathname === "/favicon.ico") return void res.writeHead(204).end();
    sendJson(res, 404, { message: "Not Found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    signInAs(user) {
      current = user;
    },
    tokenRequests,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
