import "server-only";
import NextAuth, { type NextAuthConfig } from "next-auth";
import { after } from "next/server";
import { createAuthConfig } from "./auth-config";
import { createAuthRoute } from "./auth-route";

// The app's Auth.js instance. Magic-link mail is handed to Next's after(), so it leaves once the
// response is sent and the response time says nothing about the address. The configuration is built on
// first use (no database at build time) and then kept: it depends on nothing but the environment, which
// getEnv() reads once per process too, and building it for every auth() (the adapter, the providers)
// cost each signed-in page about half a millisecond.
let config: NextAuthConfig | undefined;
const nextAuth = NextAuth(() => (config ??= createAuthConfig({ deferTask: after })));

// No `auth` here: pages and actions read the session with getCurrentSession (lib/session/read-session.ts),
// which applies Auth.js's database-session rules without running its router for every page.
export const { signIn, signOut, handlers } = nextAuth;
export const authRoute = createAuthRoute(handlers);
