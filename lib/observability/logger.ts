import "server-only";
import pino from "pino";
import { getEnv } from "@/lib/env";
import { redactString, redactValue } from "./redact";

type Logger = pino.Logger;

const globalForLogger = globalThis as unknown as { appLogger?: Logger };

/** The site's logger; `destination` and `level` are for tests that read what it writes. */
export function createLogger(options: { destination?: pino.DestinationStream; level?: string } = {}): Logger {
  const settings: pino.LoggerOptions = {
    level: options.level ?? getEnv().logLevel,
    base: { service: "site" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: {
      level: (label) => ({ level: label }),
      // Every record passes through redaction, so a careless `log.info({ user })` cannot leak an email.
      log: (object) => redactValue(object) as Record<string, unknown>,
    },
    // Redaction has already turned errors into plain records (with their cause chain); pino's own error
    // serializer would take such a record for an error again and rename its type to "Object".
    serializers: { err: (value: unknown) => value },
    hooks: {
      logMethod(args, method) {
        const scrubbed = args.map((arg) => (typeof arg === "string" ? redactString(arg) : arg));
        method.apply(this, scrubbed as Parameters<typeof method>);
      },
    },
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}

/** Replaces the process-wide logger (tests); returns the one it replaced. */
export function setLogger(logger: Logger | undefined): Logger | undefined {
  const previous = globalForLogger.appLogger;
  globalForLogger.appLogger = logger;
  return previous;
}

/** The process-wide structured logger (JSON lines on stdout). */
export function getLogger(): Logger {
  globalForLogger.appLogger ??= createLogger();
  return globalForLogger.appLogger;
}
