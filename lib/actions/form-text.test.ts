import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createInviteCodeSchema } from "@/lib/admin/admin-schemas";
import { redeemInviteCodeSchema } from "@/lib/invites/redeem-invite-code-schema";
import { joinWaitlistSchema, withdrawFromWaitlistSchema } from "@/lib/waitlist/waitlist-schema";
import { findFormTextProblem, formTextSchema } from "./form-text";

const BAD = ["a\u0000b", "bell\u0007", "lone \ud800", "del\u007f", "c1\u0085"];

const messageOf = (result: { success: boolean; error?: z.ZodError }) => result.error?.issues[0]?.message;

describe("formTextSchema", () => {
  const name = formTextSchema(z.string().trim().max(10), "Your name");

  it("refuses control characters and lone surrogates with a message naming the field", () => {
    expect(messageOf(name.safeParse("a\u0000b"))).toBe("Your name must not contain control characters.");
    expect(messageOf(name.safeParse("x\ud800"))).toBe("Your name must be well-formed Unicode (no unpaired surrogates).");
    expect(name.safeParse("Zoë 😀").success).toBe(true);
  });

  it("allows line breaks only when asked", () => {
    const text = formTextSchema(z.string(), "Text", { allowLineBreaks: true });
    expect(text.safeParse("one\r\ntwo").success).toBe(true);
    expect(name.safeParse("one\ntwo").success).toBe(false);
  });
});

describe("the public and admin forms", () => {
  it("refuse bad text in every free-text field", () => {
    for (const bad of BAD) {
      expect(joinWaitlistSchema.safeParse({ email: "a@example.com", building: `A board ${bad}` }).success, JSON.stringify(bad)).toBe(false);
      expect(joinWaitlistSchema.safeParse({ email: "a@example.com", building: "A board", link: `github.com/a${bad}` }).success, JSON.stringify(bad)).toBe(false);
      expect(redeemInviteCodeSchema.safeParse({ email: "a@example.com", code: `TDM-AAAA-${bad}` }).success, JSON.stringify(bad)).toBe(false);
      expect(createInviteCodeSchema.safeParse({ uses: "1", expiresInDays: "1", note: `note ${bad}` }).success, JSON.stringify(bad)).toBe(false);
      expect(withdrawFromWaitlistSchema.safeParse({ token: `${"x".repeat(30)}${bad}` }).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it("still accept ordinary input", () => {
    expect(joinWaitlistSchema.safeParse({ email: "a@example.com", building: "A board\nfor two", link: "github.com/ada" }).success).toBe(true);
    expect(redeemInviteCodeSchema.safeParse({ email: "a@example.com", code: "TDM-AB12-CD34-EF56" }).success).toBe(true);
    expect(createInviteCodeSchema.safeParse({ uses: "1", expiresInDays: "1", note: "Conf talk, ünïcode" }).success).toBe(true);
  });
});

describe("findFormTextProblem", () => {
  it("names the first field that breaks the policy, allowing line breaks", () => {
    const form = new FormData();
    form.set("ok", "fine\r\n");
    form.set("id", "12\u0000");
    expect(findFormTextProblem(form)).toEqual({ path: "id", message: "This field must not contain control characters." });
    form.delete("id");
    expect(findFormTextProblem(form)).toBeUndefined();
  });
});
