import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

// Starts the real server entry point with a production environment and reads what it says.
function startInProduction(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn("node_modules/.bin/next", ["start", "-p", "0"], {
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

const real = {
  APP_URL: "https://tandem.example",
  AUTH_URL: "https://tandem.example",
  DATABASE_URL: "postgres://app:secret@db.internal:5432/platform",
  AUTH_SECRET: "f3b1c7d2e9a84b6c8d0e1f2a3b4c5d6e7f8091a2",
  SMTP_URL: "smtps://user:pass@smtp.example:465",
  STRIPE_SECRET_KEY: "sk_live_51Habc",
  STRIPE_WEBHOOK_SECRET: "whsec_abc123",
};

describe("production start", () => {
  it("refuses to start without real Stripe, SMTP, database and auth settings", async () => {
    const { code, output } = await startInProduction({});
    expect(code).not.toBe(0);
    for (const name of ["DATABASE_URL", "AUTH_SECRET", "SMTP_URL", "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "METRICS_TOKEN", "COMPANY_NAME", "CONTACT_EMAIL"]) {
      expect(output).toContain(name);
    }
  }, 40_000);

  it("refuses to start with a demo-only feature turned on", async () => {
    const { code, output } = await startInProduction({ ...real, STRIPE_API_URL: "http://127.0.0.1:12111" });
    expect(code).not.toBe(0);
    expect(output).toContain("STRIPE_API_URL points Stripe at an emulator");
  }, 40_000);
});
