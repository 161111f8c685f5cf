import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

const secret = "f3b1c7d2e9a84b6c8d0e1f2a3b4c5d6e7f8091a2";
const realProduction = {
  NODE_ENV: "production",
  APP_MODE: "production",
  APP_URL: "https://tandem.example",
  AUTH_URL: "https://tandem.example",
  DATABASE_URL: "postgres://app:secret@db.internal:5432/platform",
  AUTH_SECRET: secret,
  SMTP_URL: "smtps://user:pass@smtp.example:465",
  STRIPE_SECRET_KEY: "sk_live_51Habc",
  STRIPE_WEBHOOK_SECRET: "whsec_abc123",
  METRICS_TOKEN: "9c1f0e7b2d4a6c8e0f1a3b5d7e9f1a2b",
  COMPANY_NAME: "Tandem Labs Ltd",
  CONTACT_EMAIL: "hello@tandem.example",
};

function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
    return [];
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
}

describe("PLATFORM_WEBHOOK_URL and PLATFORM_WEBHOOK_SECRET", () => {
  it("are optional: unset, no webhook is configured", () => {
    expect(parseEnv({ NODE_ENV: "development" }).platformWebhook).toBeUndefined();
    expect(parseEnv(realProduction).platformWebhook).toBeUndefined();
    expect(parseEnv({ NODE_ENV: "development", PLATFORM_WEBHOOK_SECRET: secret }).platformWebhook).toBeUndefined();
  });

  it("configure the webhook together", () => {
    const env = parseEnv({ ...realProduction, PLATFORM_WEBHOOK_URL: "https://platform.example/hooks/tandem", PLATFORM_WEBHOOK_SECRET: secret });
    expect(env.platformWebhook).toEqual({ url: "https://platform.example/hooks/tandem", secret });
  });

  it("refuse a URL without a secret in every mode, naming the variable and not echoing anything secret", () => {
    for (const base of [{ NODE_ENV: "development" }, realProduction]) {
      const problems = problemsOf({ ...base, PLATFORM_WEBHOOK_URL: "https://platform.example/hooks" });
      expect(problems.some((problem) => problem.includes("PLATFORM_WEBHOOK_SECRET is required"))).toBe(true);
    }
  });

  it("refuse a short secret in production (the demo accepts one)", () => {
    const short = { PLATFORM_WEBHOOK_URL: "https://platform.example/hooks", PLATFORM_WEBHOOK_SECRET: "short-secret" };
    const problems = problemsOf({ ...realProduction, ...short });
    expect(problems).toEqual(["PLATFORM_WEBHOOK_SECRET must be a random secret of at least 32 characters in production"]);
    expect(problems.join()).not.toContain("short-secret");
    expect(parseEnv({ NODE_ENV: "development", ...short }).platformWebhook?.secret).toBe("short-secret");
  });

  it("refuse a URL that is not http or https", () => {
    for (const url of ["ftp://platform.example/hooks", "platform.example/hooks", "javascript:alert(1)"]) {
      expect(problemsOf({ NODE_ENV: "development", PLATFORM_WEBHOOK_URL: url, PLATFORM_WEBHOOK_SECRET: secret }).join()).toContain("PLATFORM_WEBHOOK_URL");
    }
  });
});
