// One schema for every environment variable (DESIGN section 3). Imported by next.config.ts so that a bad
// environment fails the build, and by the server at boot through getEnv(). Deliberately free of
// `server-only` and `next/*`: the config loader and the scripts import it outside React.
import { z } from "zod";

export const DEMO_STRIPE_SECRET_KEY = "sk_test_emulator";
export const DEMO_STRIPE_WEBHOOK_SECRET = "whsec_emulator";
export const DEMO_COMPANY_NAME = "Tandem (demo operator)";
export const DEMO_CONTACT_EMAIL = "hello@tandem.localhost";
export const DEMO_AUTH_SECRET = "demo-only-auth-secret-never-use-in-production";
export const DEMO_SMTP_URL = "smtp://127.0.0.1:1025";
export const DEMO_STRIPE_API_URL = "http://127.0.0.1:12111";

const emptyToUndefined = (value: unknown) => (value === "" ? undefined : value);
const optionalString = z.preprocess(emptyToUndefined, z.string().min(1).optional());
const optionalUrl = z.preprocess(emptyToUndefined, z.url().optional());

const rawEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  APP_MODE: z.preprocess(emptyToUndefined, z.enum(["demo", "production"]).optional()),
  APP_URL: optionalUrl,
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(65535).default(3000)),
  DATABASE_URL: z.preprocess(emptyToUndefined, z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL").optional()),
  MIGRATION_DATABASE_URL: z.preprocess(emptyToUndefined, z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL").optional()),
  AUTH_SECRET: optionalString,
  AUTH_URL: optionalUrl,
  AUTH_GITHUB_ID: optionalString,
  AUTH_GITHUB_SECRET: optionalString,
  AUTH_GITHUB_BASE_URL: optionalUrl,
  SMTP_URL: z.preprocess(emptyToUndefined, z.string().regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL").optional()),
  MAIL_FROM: z.preprocess(emptyToUndefined, z.string().min(3).default("Tandem billing <billing@localhost>")),
  STRIPE_SECRET_KEY: z.preprocess(emptyToUndefined, z.string().regex(/^sk_(test|live)_\w+$/, "must be a Stripe secret key (sk_test_… or sk_live_…)").optional()),
  STRIPE_WEBHOOK_SECRET: z.preprocess(emptyToUndefined, z.string().regex(/^whsec_\w+$/, "must be a webhook signing secret (whsec_…)").optional()),
  STRIPE_API_URL: optionalUrl,
  // Issue 20: "1" turns on Stripe Tax (automatic_tax) in Checkout and on auto-recharge invoices.
  STRIPE_AUTOMATIC_TAX: z.preprocess(emptyToUndefined, z.enum(["0", "1"], "must be 0 or 1").default("0")),
  ADMIN_EMAILS: z.preprocess(emptyToUndefined, z.string().default("")),
  LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info")),
  METRICS_TOKEN: optionalString,
  DOCS_URL: z.preprocess(emptyToUndefined, z.url().default("https://docs.tandem.dev")),
  FAULT_CRASH_AT: z.preprocess(emptyToUndefined, z.string().regex(/^[a-z-]+:[a-z-]+$/, "must name a crash point (lib/faults/crash-point.ts)").optional()),
  TRUSTED_PROXY_HOPS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(10).default(0)),
  USAGE_MAX_LATENESS_DAYS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(366).default(35)),
  COMPANY_NAME: z.preprocess(emptyToUndefined, z.string().trim().min(1).max(120).optional()),
  CONTACT_EMAIL: z.preprocess(emptyToUndefined, z.email("must be an email address").optional()),
  ADJUSTMENT_APPROVAL_LIMIT_CENTS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(100_000_000).default(10_000)),
  PLATFORM_WEBHOOK_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional()),
  PLATFORM_WEBHOOK_SECRET: optionalString,
});

export type AppMode = "demo" | "production";

export type Env = {
  nodeEnv: "development" | "production" | "test";
  appMode: AppMode;
  isDemo: boolean;
  appUrl: string;
  port: number;
  databaseUrl: string | undefined;
  /** The tables' owner, for migrations; the site's DATABASE_URL is a member of tandem_app (README). */
  migrationDatabaseUrl: string | undefined;
  authSecret: string;
  authUrl: string;
  /** `baseUrl` is a GitHub Enterprise (or, in tests, a fake on loopback) origin; unset means github.com. */
  github: { clientId: string; clientSecret: string; baseUrl: string | undefined } | undefined;
  smtpUrl: string;
  mailFrom: string;
  /** `automaticTax`: Stripe Tax computes tax on top of the credit bought (issue 20; off by default). */
  stripe: { secretKey: string; webhookSecret: string; apiUrl: string | undefined; automaticTax: boolean };
  adminEmails: string[];
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  metricsToken: string | undefined;
  /** Where the developer documentation lives; the site links to it. */
  docsUrl: string;
  /** Tests only: the crash point where this process kills itself (lib/faults/crash-point.ts). */
  faultCrashAt: string | undefined;
  /** Proxies in front of the site that append to X-Forwarded-For (lib/http/client-ip.ts); 0: none. */
  trustedProxyHops: number;
  /** How many days before the current hour the billing API still accepts usage for (older: 400). */
  usageMaxLatenessDays: number;
  /** Who runs the site and how to reach them: legal pages and every email's footer name both. */
  company: { name: string; contactEmail: string };
  /**
   * Manual adjustments above this need a second operator's approval (the two-person rule). From the
   * environment, not a launch setting: an operator must not be able to raise the limit that binds them.
   */
  adjustmentApprovalLimitMicros: bigint;
  /**
   * Where standing changes are pushed to the platform, signed with `secret` (lib/platform-events).
   * Unset: no platform event is recorded at all (the platform polls GET standing instead).
   */
  platformWebhook: { url: string; secret: string } | undefined;
};

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "EnvError";
  }
}

// Production refuses every demo part: a missing real setting would otherwise fall back to the emulator,
// the mail catcher or a well-known secret, which is how demo parts leak into a live deployment.
function productionProblems(raw: z.infer<typeof rawEnvSchema>): string[] {
  const problems: string[] = [];
  const require = (name: keyof typeof raw, why: string) => {
    if (raw[name] === undefined) problems.push(`${name} is required in production (${why})`);
  };
  require("DATABASE_URL", "the embedded database is for demo mode only");
  require("AUTH_SECRET", "sessions and magic links are signed with it");
  require("AUTH_URL", "sign-in links are built from it, never from request headers");
  require("SMTP_URL", "the mail catcher is for demo mode only");
  require("STRIPE_SECRET_KEY", "the Stripe emulator is for demo mode only");
  require("STRIPE_WEBHOOK_SECRET", "webhooks must be verified against the real endpoint secret");
  require("APP_URL", "canonical links and emails are built from it");
  require("COMPANY_NAME", "the legal pages and every email name the company that runs the site");
  require("CONTACT_EMAIL", "the legal pages and every email give customers an address to write to");
  if (raw.AUTH_SECRET !== undefined && (raw.AUTH_SECRET === DEMO_AUTH_SECRET || raw.AUTH_SECRET.length < 32)) {
    problems.push("AUTH_SECRET must be a random secret of at least 32 characters in production");
  }
  if (raw.STRIPE_SECRET_KEY === DEMO_STRIPE_SECRET_KEY) {
    problems.push("STRIPE_SECRET_KEY is the emulator's key, a demo-only feature");
  }
  if (raw.STRIPE_WEBHOOK_SECRET === DEMO_STRIPE_WEBHOOK_SECRET) {
    problems.push("STRIPE_WEBHOOK_SECRET is the emulator's secret, a demo-only feature");
  }
  if (raw.STRIPE_API_URL !== undefined) {
    problems.push("STRIPE_API_URL points Stripe at an emulator, a demo-only feature");
  }
  if (raw.FAULT_CRASH_AT !== undefined) {
    problems.push("FAULT_CRASH_AT kills the server on purpose, a test-only feature");
  }
  require("METRICS_TOKEN", "/api/metrics is public without it: payment and traffic figures for anyone who asks");
  if ((raw.AUTH_GITHUB_ID === undefined) !== (raw.AUTH_GITHUB_SECRET === undefined)) {
    problems.push("AUTH_GITHUB_ID and AUTH_GITHUB_SECRET must be set together");
  }
  if (raw.PLATFORM_WEBHOOK_SECRET !== undefined && raw.PLATFORM_WEBHOOK_SECRET.length < 32) {
    problems.push("PLATFORM_WEBHOOK_SECRET must be a random secret of at least 32 characters in production");
  }
  return problems;
}

// In every mode: a webhook URL without a secret would send unsigned (forgeable) standing changes.
function platformWebhookProblems(raw: z.infer<typeof rawEnvSchema>): string[] {
  if (raw.PLATFORM_WEBHOOK_URL === undefined || raw.PLATFORM_WEBHOOK_SECRET !== undefined) return [];
  return ["PLATFORM_WEBHOOK_SECRET is required when PLATFORM_WEBHOOK_URL is set (the webhooks are signed with it)"];
}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = rawEnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new EnvError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const raw = parsed.data;
  const appMode: AppMode = raw.APP_MODE ?? (raw.NODE_ENV === "production" ? "production" : "demo");
  if (appMode === "production") {
    const problems = productionProblems(raw);
    if (problems.length > 0) throw new EnvError(problems);
  }
  const webhookProblems = platformWebhookProblems(raw);
  if (webhookProblems.length > 0) throw new EnvError(webhookProblems);
  const appUrl = (raw.APP_URL ?? `http://localhost:${raw.PORT}`).replace(/\/$/, "");
  const isDemo = appMode === "demo";
  return {
    nodeEnv: raw.NODE_ENV,
    appMode,
    isDemo,
    appUrl,
    port: raw.PORT,
    databaseUrl: raw.DATABASE_URL,
    migrationDatabaseUrl: raw.MIGRATION_DATABASE_URL,
    authSecret: raw.AUTH_SECRET ?? DEMO_AUTH_SECRET,
    authUrl: (raw.AUTH_URL ?? appUrl).replace(/\/$/, ""),
    github:
      raw.AUTH_GITHUB_ID && raw.AUTH_GITHUB_SECRET
        ? { clientId: raw.AUTH_GITHUB_ID, clientSecret: raw.AUTH_GITHUB_SECRET, baseUrl: raw.AUTH_GITHUB_BASE_URL?.replace(/\/$/, "") }
        : undefined,
    smtpUrl: raw.SMTP_URL ?? DEMO_SMTP_URL,
    mailFrom: raw.MAIL_FROM,
    stripe: {
      secretKey: raw.STRIPE_SECRET_KEY ?? DEMO_STRIPE_SECRET_KEY,
      webhookSecret: raw.STRIPE_WEBHOOK_SECRET ?? DEMO_STRIPE_WEBHOOK_SECRET,
      apiUrl: raw.STRIPE_API_URL ?? (isDemo ? DEMO_STRIPE_API_URL : undefined),
      automaticTax: raw.STRIPE_AUTOMATIC_TAX === "1",
    },
    adminEmails: raw.ADMIN_EMAILS.split(",")
      .map((email) => email.trim().toLowerCase())
      .filter((email) => email.length > 0),
    logLevel: raw.LOG_LEVEL,
    metricsToken: raw.METRICS_TOKEN,
    docsUrl: raw.DOCS_URL.replace(/\/$/, ""),
    faultCrashAt: raw.FAULT_CRASH_AT,
    trustedProxyHops: raw.TRUSTED_PROXY_HOPS,
    usageMaxLatenessDays: raw.USAGE_MAX_LATENESS_DAYS,
    company: { name: raw.COMPANY_NAME ?? DEMO_COMPANY_NAME, contactEmail: raw.CONTACT_EMAIL ?? DEMO_CONTACT_EMAIL },
    adjustmentApprovalLimitMicros: BigInt(raw.ADJUSTMENT_APPROVAL_LIMIT_CENTS) * 10_000n,
    platformWebhook:
      raw.PLATFORM_WEBHOOK_URL !== undefined && raw.PLATFORM_WEBHOOK_SECRET !== undefined
        ? { url: raw.PLATFORM_WEBHOOK_URL, secret: raw.PLATFORM_WEBHOOK_SECRET }
        : undefined,
  };
}

let cached: Env | undefined;

/** The validated environment of this process, parsed once. */
export function getEnv(): Env {
  cached ??= parseEnv();
  return cached;
}
