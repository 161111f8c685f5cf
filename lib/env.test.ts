import { describe, expect, it } from "vitest";
import { problemsOf, realProduction } from "@/tests/support/production-env";
import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("accepts a complete production environment", () => {
    const env = parseEnv(realProduction);
    expect(env.appMode).toBe("production");
    expect(env.stripe.apiUrl).toBeUndefined();
    expect(env.smtpUrl).toBe(realProduction.SMTP_URL);
  });

  it("defaults to demo parts outside production", () => {
    const env = parseEnv({ NODE_ENV: "development" });
    expect(env.isDemo).toBe(true);
    expect(env.stripe.secretKey).toBe("sk_test_emulator");
    expect(env.stripe.apiUrl).toBe("http://127.0.0.1:12111");
    expect(env.smtpUrl).toBe("smtp://127.0.0.1:1025");
  });

  it("treats NODE_ENV=production without APP_MODE as production", () => {
    expect(problemsOf({ NODE_ENV: "production" }).length).toBeGreaterThan(0);
  });

  it.each([
    ["DATABASE_URL"],
    ["AUTH_SECRET"],
    ["AUTH_URL"],
    ["SMTP_URL"],
    ["STRIPE_SECRET_KEY"],
    ["STRIPE_WEBHOOK_SECRET"],
    ["APP_URL"],
    ["METRICS_TOKEN"],
    ["COMPANY_NAME"],
    ["CONTACT_EMAIL"],
  ])("refuses production without %s and names it", (name) => {
    const problems = problemsOf({ ...realProduction, [name]: undefined });
    expect(problems.some((problem) => problem.startsWith(name))).toBe(true);
  });

  it.each([
    ["STRIPE_SECRET_KEY", "sk_test_emulator"],
    ["STRIPE_WEBHOOK_SECRET", "whsec_emulator"],
    ["STRIPE_API_URL", "http://127.0.0.1:12111"],
    ["AUTH_SECRET", "demo-only-auth-secret-never-use-in-production"],
    ["FAULT_CRASH_AT", "fulfill-checkout:after-commit"],
  ])("refuses production with the demo-only %s", (name, value) => {
    const problems = problemsOf({ ...realProduction, [name]: value });
    expect(problems.some((problem) => problem.includes(name))).toBe(true);
  });

  it("names the variable of a malformed value", () => {
    expect(problemsOf({ NODE_ENV: "development", PORT: "eighty" })[0]).toMatch(/^PORT/);
    expect(problemsOf({ NODE_ENV: "development", STRIPE_SECRET_KEY: "pk_test_x" })[0]).toMatch(/^STRIPE_SECRET_KEY/);
  });

  it("normalises admin emails", () => {
    expect(parseEnv({ ADMIN_EMAILS: " Ops@Example.com, ,b@x.io" }).adminEmails).toEqual(["ops@example.com", "b@x.io"]);
  });
});
