// Every email to a billing contact carries its one-click unsubscribe link in the footer, whatever the
// template: the row's data names it (`unsubscribeUrl`) and renderEmail hands it to the layout. An
// email without it (the owner's) has no such line.
import { describe, expect, it } from "vitest";
import { outboxEmailTemplates } from "@/lib/db/schema";
import { unsubscribeUrlOf } from "./email-template";
import { renderEmail } from "./render-email";
import { emailSamples } from "./templates/samples";

const APP_URL = "https://tandem.example.test";
Object.assign(process.env, { APP_URL, AUTH_URL: APP_URL });

const unsubscribeUrl = `${APP_URL}/contacts/unsubscribe?contact=42&token=${"t".repeat(43)}`;

describe("the unsubscribe link of an email to a billing contact", () => {
  it.each(outboxEmailTemplates)("%s: in the footer when the data carries one, absent otherwise", async (template) => {
    const sample = emailSamples()[template];
    const withLink = await renderEmail(template, { ...sample, unsubscribeUrl } as never);
    expect(withLink.html).toContain(`href="${unsubscribeUrl.replaceAll("&", "&amp;")}"`);
    expect(withLink.text).toContain(unsubscribeUrl);
    expect(withLink.text).toMatch(/Unsubscribe/);
    const without = await renderEmail(template, sample as never);
    expect(without.html).not.toContain("/contacts/unsubscribe");
    expect(without.text).not.toMatch(/Unsubscribe/);
  });

  it("is read from a row's data only when it is a web address", () => {
    expect(unsubscribeUrlOf({ unsubscribeUrl })).toBe(unsubscribeUrl);
    expect(unsubscribeUrlOf({ unsubscribeUrl: "javascript:alert(1)" })).toBeUndefined();
    expect(unsubscribeUrlOf({ unsubscribeUrl: 42 })).toBeUndefined();
    expect(unsubscribeUrlOf(null)).toBeUndefined();
    expect(unsubscribeUrlOf("text")).toBeUndefined();
  });
});
