import { AccessDenied, CallbackRouteError, OAuthAccountNotLinked } from "@auth/core/errors";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { isSignInRefusal } from "./auth-logger";

// Shaped as @auth/core wraps a thrown value: `new AccessDenied(e)` from handleAuthorized for a throw in
// the signIn callback, `new CallbackRouteError(e)` for others, each with `cause: { err: e }` (its typings
// do not declare that constructor, so the cause is given the way the runtime builds it).
const deniedBy = (thrown: Error) => new AccessDenied("denied", { cause: { err: thrown } });
const failedBy = (thrown: Error) => new CallbackRouteError("failed", { cause: { err: thrown } });

describe("isSignInRefusal", () => {
  it("counts a refusal the signIn callback answered (false) as the person's problem", () => {
    expect(isSignInRefusal(new AccessDenied("AccessDenied"))).toBe(true);
    expect(isSignInRefusal(new OAuthAccountNotLinked("Another account already exists with the same e-mail address"))).toBe(true);
  });

  it("counts our own refusals as the person's problem, wherever Auth.js wraps them", () => {
    expect(isSignInRefusal(deniedBy(new AppError("forbidden", { message: "Tandem is at capacity for new accounts." })))).toBe(true);
    expect(isSignInRefusal(failedBy(new AppError("conflict")))).toBe(true);
  });

  it("counts a fault thrown in the signIn callback as ours, though Auth.js calls it AccessDenied", () => {
    expect(isSignInRefusal(deniedBy(new Error("connect ECONNREFUSED 127.0.0.1:5432")))).toBe(false);
    expect(isSignInRefusal(deniedBy(new AppError("internal")))).toBe(false);
    expect(isSignInRefusal(failedBy(new Error("boom")))).toBe(false);
  });

  it("counts a code GitHub did not issue as the person's problem, and GitHub's other refusals as ours", () => {
    // As oauth4webapi throws it: GitHub answers HTTP 200 with an error body instead of a token.
    const tokenRefused = (error: string) =>
      Object.assign(new Error('"response" body "access_token" property must be a string', { cause: { body: { error } } }), { code: "OAUTH_INVALID_RESPONSE" });
    expect(isSignInRefusal(failedBy(tokenRefused("bad_verification_code")))).toBe(true);
    expect(isSignInRefusal(failedBy(tokenRefused("incorrect_client_credentials")))).toBe(false);
  });
});
