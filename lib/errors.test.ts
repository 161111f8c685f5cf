import { describe, expect, it } from "vitest";
import { AppError, isDatabaseUnavailable, toAppError } from "./errors";

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe("toAppError", () => {
  it("keeps an AppError as it is", () => {
    const error = new AppError("not_found");
    expect(toAppError(error)).toBe(error);
  });

  it("makes a lost database connection a retryable 503, through drizzle's wrapper too", () => {
    const shutdown = withCode("terminating connection due to administrator command", "57P01");
    const wrapped = new Error("Failed query: select 1", { cause: shutdown });
    for (const error of [shutdown, wrapped, withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED"), new Error("Connection terminated unexpectedly")]) {
      const mapped = toAppError(error);
      expect(mapped.code).toBe("unavailable");
      expect(mapped.status).toBe(503);
      expect(mapped.retryAfter).toBe(5);
      expect(mapped.cause).toBe(error);
    }
  });

  it("leaves every other failure an internal 500", () => {
    for (const error of [withCode("value too long", "22001"), withCode("duplicate key", "23505"), new TypeError("x is undefined"), "a string"]) {
      expect(isDatabaseUnavailable(error)).toBe(false);
      expect(toAppError(error).code).toBe("internal");
    }
  });
});
