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

/** A deep copy of `value` with sensitive keys replaced and every string scrubbed. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (depth > 8) return "[too deep]";
  if (typeof value === "string") return redactString(value);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  if (value instanceof Error) {
    return { type: value.name, message: redactString(value.message), stack: value.stack && redactString(value.stack) };
  }
  if (value !== null && typeof value === "object") {
    const result: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      result[key] = SENSITIVE_KEY.test(key) ? "[redacted]" : redactValue(inner, depth + 1);
    }
    return result;
  }
  return value;
}
