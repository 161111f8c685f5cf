import "server-only";
import NextAuth from "next-auth";
import { after } from "next/server";
import { createAuthConfig } from "./auth-config";
import { createAuthRoute } from "./auth-route";

// The app's Auth.js instance. Magic-link mail is handed to Next's after(), so it leaves once the
// response is sent and the response time says nothing about the address.
const nextAuth = NextAuth(() => createAuthConfig({ deferTask: after }));

export const { auth, signIn, signOut, handlers } = nextAuth;
export const authRoute = createAuthRoute(handlers);
