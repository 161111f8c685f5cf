// The one table of error codes. Each code says who has to act: a `user` problem (bad input, not found,
// a declined card) is answered and counted as a user issue; a `system` problem is ours and alarm-worthy.

export type ErrorKind = "user" | "system";

type ErrorSpec = { status: number; kind: ErrorKind; message: string };

export const errorTable = {
  bad_request: { status: 400, kind: "user", message: "The request is not valid." },
  validation_failed: { status: 400, kind: "user", message: "Some fields are not valid." },
  unauthenticated: { status: 401, kind: "user", message: "Sign in or send a valid token." },
  forbidden: { status: 403, kind: "user", message: "You may not do that." },
  not_found: { status: 404, kind: "user", message: "Not found." },
  conflict: { status: 409, kind: "user", message: "That conflicts with the current state." },
  idempotency_conflict: {
    status: 409,
    kind: "user",
    message: "This idempotency key was already used with different content.",
  },
  method_not_allowed: { status: 405, kind: "user", message: "This method is not allowed here." },
  payload_too_large: { status: 413, kind: "user", message: "The request is too large." },
  length_required: { status: 411, kind: "user", message: "The request must declare its Content-Length." },
  usage_limit_exceeded: {
    status: 422,
    kind: "user",
    message: "This usage would pass a limit on what one space or account may report for an hour.",
  },
  rate_limited: { status: 429, kind: "user", message: "Too many requests. Try again later." },
  card_declined: { status: 402, kind: "user", message: "The card was declined." },
  internal: { status: 500, kind: "system", message: "Something went wrong on our side." },
  dependency_failed: {
    status: 502,
    kind: "system",
    message: "A service we depend on did not answer. Try again shortly.",
  },
  unavailable: { status: 503, kind: "system", message: "The service is not ready. Try again shortly." },
  invariant_violated: { status: 500, kind: "system", message: "Something went wrong on our side." },
  // A correctly signed Stripe event we cannot read: no retry can fix it, so a 4xx (not a 500 that is
  // redelivered for days), but it is a problem on our side or Stripe's, so it is logged and alarmed on.
  malformed_event: { status: 422, kind: "system", message: "The event is not in the shape this endpoint reads." },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof errorTable;

export type AppErrorOptions = {
  message?: string;
  details?: Record<string, unknown>;
  cause?: unknown;
  /** Seconds, for `rate_limited`: becomes the Retry-After header. */
  retryAfter?: number;
};

/** The error domain code throws; one place (toErrorResponse) turns it into an answer. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  readonly retryAfter: number | undefined;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(options.message ?? errorTable[code].message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.details = options.details;
    this.retryAfter = options.retryAfter;
  }

  get status(): number {
    return errorTable[this.code].status;
  }

  get kind(): ErrorKind {
    return errorTable[this.code].kind;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

// Postgres SQLSTATEs and Node socket errors that mean "the database cannot be reached right now" (a
// restart, a failover, a network cut), not "this request is wrong": class 08 (connection exception),
// 57P01-57P03 (admin shutdown, crash shutdown, cannot connect now).
const DATABASE_UNAVAILABLE_CODE = /^(08[0-9A-Z]{3}|57P0[123]|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE)$/;
const CONNECTION_LOST_MESSAGE = /^Connection terminated|^Client has encountered a connection error/;

/** Whether `error` (or anything in its cause chain) says the database could not be reached. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 8; current = current.cause, depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && DATABASE_UNAVAILABLE_CODE.test(code)) return true;
    if (CONNECTION_LOST_MESSAGE.test(current.message)) return true;
  }
  return false;
}

/**
 * Any thrown value as an AppError, keeping the original as cause: a lost database connection becomes
 * `unavailable` (503 with Retry-After, so hosts and Stripe retry), anything else unknown `internal`.
 */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (isDatabaseUnavailable(error)) return new AppError("unavailable", { cause: error, retryAfter: 5 });
  return new AppError("internal", { cause: error });
}
