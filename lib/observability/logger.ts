import "server-only";
import pino from "pino";
import { getEnv } from "@/lib/env";
import { redactString, redactValue } from "./redact";

type Logger = pino.Logger;

const globalForLogger = globalThis as unknown as { appLogger?: Logger };

function createLogger(): Logger {
  return pino({
    level: getEnv().logLevel,
    base: { service: "site" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      // Every record passes through redaction, so a careless `log.info({ user })` cannot leak an email.
      log: (object) => redactValue(object) as Record<string, unknown>,
    },
    hooks: {
      logMethod(args, method) {
        const scrubbed = args.map((arg) => (typeof arg === "string" ? redactString(arg) : arg));
        method.apply(this, scrubbed as Parameters<typeof method>);
      },
    },
  });
}

/** The process-wide structured logger (JSON lines on stdout). */
export function getLogger(): Logger {
  globalForLogger.appLogger ??= createLogger();
  return globalForLogger.appLogger;
}
