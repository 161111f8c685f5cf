// A complete production environment (real-looking, no real secret) for the unit tests of lib/env.ts's
// parsing, and the problems parseEnv names for an environment it refuses.
import { EnvError, parseEnv } from "@/lib/env";

export const realProduction = {
  NODE_ENV: "production",
  APP_MODE: "production",
  APP_URL: "https://tandem.example",
  AUTH_URL: "https://tandem.example",
  DATABASE_URL: "postgres://app:secret@db.internal:5432/platform",
  AUTH_SECRET: "f3b1c7d2e9a84b6c8d0e1f2a3b4c5d6e7f8091a2",
  SMTP_URL: "smtps://user:pass@smtp.example:465",
  STRIPE_SECRET_KEY: "sk_live_51Habc",
  STRIPE_WEBHOOK_SECRET: "whsec_abc123",
  METRICS_TOKEN: "9c1f0e7b2d4a6c8e0f1a3b5d7e9f1a2b",
  COMPANY_NAME: "Tandem Labs Ltd",
  CONTACT_EMAIL: "hello@tandem.example",
};

/** What parseEnv refuses in `source`, one problem a variable (none when it accepts it). */
export function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
    return [];
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
}
