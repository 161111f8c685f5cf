// Scrubs what must never reach a log line: secrets, bearer tokens, magic links and full email addresses.
// Applied to every log record (messages and objects) by lib/observability/logger.ts.

const SENSITIVE_KEY = /pass(word)?|secret|token|authorization|cookie|api[-_]?key|card[-_]?number|cvc|signature/i;

const patterns: Array<[RegExp, string | ((match: string, ...groups: string[]) => string)]> = [
  [/\b(sk|rk|pk)_(live|test)_[A-Za-z0-9]+/g, "$1_$2_[redacted]"],
  [/\bwhsec_[A-Za-z0-9]+/g, "whsec_[redacted]"],
  [/\bBearer\s+[A-Za-z0-9._~+/=-]+/gi, "Bearer [redacted]"],
  // Query parameters that carry a credential, e.g. magic links (…/callback/nodemailer?token=…).
  [/([?&](token|code|secret|key|signature|email)=)[^&\s"']+/gi, "$1[redacted]"],
  // Emails keep their first character and domain: enough to tell people apart, not enough to contact them.
  [
    /\b([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})\b/g,
    (_match: string, first: string, domain: string) => `${first}***@${domain}`,
  ],
];

export function redactString(value: string): string {
  let result = value;
  for (const [pattern, replacement] of patterns) {
    result = result.replace(pattern, replacement as string);
  }
  return result;
}

// What an error may say about itself beyond its name and message: the codes that tell a system problem
// apart (Postgres' SQLSTATE `code` and `constraint`, Node's `code`/`errno`/`syscall`, an AppError's
// code). Never `detail`, `where` or a query's parameters: Postgres puts the offending row's values there.
const ERROR_FIELDS = ["code", "errno", "syscall", "constraint", "table", "column", "schema", "routine", "severity", "status"] as const;

// drizzle's failed-query message ends with the query's parameters (emails, names, typed text).
const QUERY_PARAMS = /\nparams: [\s\S]*$/;

function redactError(error: Error, depth: number, seen: Set<unknown>): Record<string, unknown> {
  const fields = error as unknown as Record<string, unknown>;
  const message = redactString(error.message.replace(QUERY_PARAMS, "\nparams: [redacted]"));
  const result: Record<string, unknown> = { type: error.name, message };
  for (const field of ERROR_FIELDS) {
    const value = fields[field];
    if (typeof value === "string" || typeof value === "number") result[field] = typeof value === "string" ? redactString(value) : value;
  }
  // The stack starts with the message: the scrubbed one replaces it.
  if (error.stack) result.stack = redactString(error.stack.replace(error.message, message));
  if (error.cause !== undefined) result.cause = redactValue(error.cause, depth + 1, seen);
  if (error instanceof AggregateError) result.errors = error.errors.map((inner: unknown) => redactValue(inner, depth + 1, seen));
  return result;
}

/** A deep copy of `value` with sensitive keys replaced and every string scrubbed. */
export function redactValue(value: unknown, depth = 0, seen: Set<unknown> = new Set()): unknown {
  if (depth > 8) return "[too deep]";
  if (typeof value === "string") return redactString(value);
  if (typeof value === "bigint") return value.toString();
  if (value === null || typeof value !== "object") return value;
  if (seen.has(value)) return "[repeated]";
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1, seen));
  if (value instanceof Error) return redactError(value, depth, seen);
  const result: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    result[key] = SENSITIVE_KEY.test(key) ? "[redacted]" : redactValue(inner, depth + 1, seen);
  }
  return result;
}
