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

/** Any thrown value as an AppError: unknown errors become `internal`, keeping the original as cause. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  return new AppError("internal", { cause: error });
}
