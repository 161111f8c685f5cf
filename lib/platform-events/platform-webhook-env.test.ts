import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { problemsOf, realProduction } from "@/tests/support/production-env";

const secret = realProduction.AUTH_SECRET;

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
