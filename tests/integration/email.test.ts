import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sendEmail } from "@/lib/email/send-email";
import { mailApiUrl } from "../support/test-env";

type CaughtEmail = { subject: string; text: string; to: Array<{ address: string }> };

describe("sendEmail", () => {
  it("delivers a real message through SMTP to the mail catcher", async () => {
    const subject = `Skeleton check ${randomUUID()}`;
    const to = `someone+${randomUUID().slice(0, 8)}@example.com`;
    await sendEmail({ to, subject, text: "Hello from the test suite.", template: "test" });
    const emails = (await (await fetch(`${mailApiUrl()}/api/email`)).json()) as CaughtEmail[];
    const caught = emails.find((email) => email.subject === subject);
    expect(caught?.to[0]?.address).toBe(to);
    expect(caught?.text.trim()).toBe("Hello from the test suite.");
  });
});
