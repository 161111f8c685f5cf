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
