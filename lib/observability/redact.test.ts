import { describe, expect, it } from "vitest";
import { redactString, redactValue } from "./redact";

describe("redaction", () => {
  it("masks emails, keeping the first letter and the domain", () => {
    expect(redactString("sent to alice.smith@example.com")).toBe("sent to a***@example.com");
  });

  it("removes magic-link tokens and bearer tokens", () => {
    const line = "link http://localhost:3000/api/auth/callback/nodemailer?token=abc123&email=x%40y.z auth Bearer ptk_secret.value";
    const scrubbed = redactString(line);
    expect(scrubbed).not.toContain("abc123");
    expect(scrubbed).not.toContain("ptk_secret");
    expect(scrubbed).toContain("token=[redacted]");
  });

  it("removes Stripe keys and webhook secrets", () => {
    expect(redactString("key sk_live_51Hxyz and whsec_abc")).toBe("key sk_live_[redacted] and whsec_[redacted]");
  });

  it("replaces values under sensitive keys at any depth", () => {
    const value = redactValue({ request: { headers: { authorization: "Bearer x", cookie: "s=1" }, path: "/a" }, password: "p" });
    expect(value).toEqual({ request: { headers: { authorization: "[redacted]", cookie: "[redacted]" }, path: "/a" }, password: "[redacted]" });
  });

  it("leaves ordinary values alone", () => {
    expect(redactValue({ route: "/api/health", status: 200, ok: true })).toEqual({ route: "/api/health", status: 200, ok: true });
  });
});

describe("errors", () => {
  // What node-postgres throws for a unique violation, wrapped as drizzle wraps a failed query.
  function uniqueViolation(): Error {
    const pgError = Object.assign(new Error('duplicate key value violates unique constraint "waitlist_entries_email_key"'), {
      name: "error",
      code: "23505",
      constraint: "waitlist_entries_email_key",
      table: "waitlist_entries",
      detail: "Key (email)=(alice.smith@example.com) already exists.",
      severity: "ERROR",
    });
    const failed = Object.assign(new Error("Failed query: insert into waitlist_entries (email, building) values ($1, $2)\nparams: alice.smith@example.com,Ada Lovelace's board"), {
      name: "DrizzleQueryError",
      cause: pgError,
    });
    return new Error("could not join the waitlist", { cause: failed });
  }

  it("keeps the cause chain with each cause's name, message, code and constraint", () => {
    const value = redactValue({ err: uniqueViolation() }) as { err: Record<string, unknown> };
    expect(value.err).toMatchObject({
      type: "Error",
      message: "could not join the waitlist",
      cause: {
        type: "DrizzleQueryError",
        cause: { type: "error", code: "23505", constraint: "waitlist_entries_email_key", table: "waitlist_entries" },
      },
    });
  });

  it("keeps an error's own code (an AppError's, a system call's)", () => {
    const appError = Object.assign(new Error("Something went wrong on our side."), { name: "AppError", code: "internal" });
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED", errno: -111, syscall: "connect" });
    expect(redactValue(appError)).toMatchObject({ type: "AppError", code: "internal" });
    expect(redactValue(refused)).toMatchObject({ code: "ECONNREFUSED", syscall: "connect" });
  });

  it("leaves no personal data or query parameters of a failed query in the chain", () => {
    const line = JSON.stringify(redactValue({ err: uniqueViolation() }));
    expect(line).not.toContain("alice.smith");
    expect(line).not.toContain("Ada Lovelace");
    expect(line).toContain("Failed query: insert into waitlist_entries");
  });

  it("stops at a cause cycle and at depth", () => {
    const first = new Error("first");
    const second = new Error("second", { cause: first });
    (first as { cause?: unknown }).cause = second;
    expect(() => JSON.stringify(redactValue(first))).not.toThrow();
  });
});
