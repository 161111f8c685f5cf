import { describe, expect, it } from "vitest";
import { outboxEmailTemplates } from "@/lib/db/schema";
import { renderEmail } from "../render-email";
import { emailSamples } from "./samples";

// Every template drawn with its sample data: subject, key figures, links (absolute, on APP_URL), the
// plain-text part, the footer from configuration, and a stranger's text kept as text.

const APP_URL = "https://tandem.example.test";
// getEnv() parses once, at the first email drawn below; vitest gives each test file its own modules.
Object.assign(process.env, {
  APP_URL,
  AUTH_URL: APP_URL,
  COMPANY_NAME: "Example Hosting Ltd",
  CONTACT_EMAIL: "help@example.test",
});

function hrefs(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]!.replaceAll("&amp;", "&"));
}

describe("every email template", () => {
  it.each(outboxEmailTemplates)(
    "%s: branded HTML, a plain-text part, absolute links, the company in the footer",
    async (template) => {
      const email = await renderEmail(template, emailSamples()[template] as never);
      expect(email.subject.length).toBeGreaterThan(5);
      expect(email.html).toMatch(/^<!DOCTYPE html/);
      expect(email.html).toContain(">Tandem</a>");
      for (const href of hrefs(email.html)) {
        expect(href, `${template} links ${href}`).toMatch(/^(https?:\/\/|mailto:)/);
      }
      // Links to the site are on APP_URL; the others are Stripe's (a receipt, a Checkout page).
      expect(hrefs(email.html).some((href) => href.startsWith(`${APP_URL}/`) || href === APP_URL)).toBe(true);
      expect(email.html).toContain("Example Hosting Ltd");
      expect(email.html).toContain('href="mailto:help@example.test"');
      expect(email.text).toContain("Example Hosting Ltd");
      expect(email.text).toContain("help@example.test");
      expect(email.text).not.toMatch(/<[a-z]/i);
    },
  );
});

describe("what each email says", () => {
  it("the sign-in link: the link in both parts, and how long it lives", async () => {
    const url = `${APP_URL}/api/auth/callback/nodemailer?token=abc&email=a%40b.test`;
    const email = await renderEmail("magic-link", { url });
    expect(email.subject).toBe("Your Tandem sign-in link");
    expect(hrefs(email.html)).toContain(url);
    expect(email.text).toContain(url);
    expect(email.text).toContain("within 10 minutes");
  });

  it("a receipt that unfroze the account says both in one email", async () => {
    const email = await renderEmail("payment-receipt", {
      amountMicros: "25000000",
      balanceMicros: "19500000",
      receiptUrl: "https://pay.stripe.com/receipts/ch_1",
      standing: { from: "frozen", to: "active" },
    });
    expect(email.subject).toBe("Receipt: $25.00 added to your Tandem balance");
    expect(email.text).toContain("$25.00 of prepaid credit was added");
    expect(email.text).toContain("Balance now: $19.50");
    expect(email.text).toContain("Your apps are running again");
    expect(hrefs(email.html)).toEqual(
      expect.arrayContaining([`${APP_URL}/account/billing`, "https://pay.stripe.com/receipts/ch_1"]),
    );
  });

  it("an auto-recharge receipt that lifted a low balance says it was auto-recharge and that the account is in good standing", async () => {
    const email = await renderEmail("payment-receipt", {
      amountMicros: "20000000",
      balanceMicros: "23000000",
      receiptUrl: null,
      isAutoRecharge: true,
      standing: { from: "low", to: "active" },
    });
    expect(email.text).toContain("Auto-recharge charged your saved card $20.00");
    expect(email.text).toContain("Back in good standing");
  });

  it("amounts are cents, rounded half to even (lib/format/money.ts)", async () => {
    const email = await renderEmail("standing-low", { from: "active", to: "low", balanceMicros: "4995000" });
    expect(email.text).toContain("Balance: $5.00");
    expect(email.text).not.toContain("4.995");
  });

  it("the frozen email: danger, not warning, and a one-click 'Pay $X to unfreeze' to exactly /account/billing/unfreeze", async () => {
    const frozen = await renderEmail("standing-frozen", {
      from: "grace",
      to: "frozen",
      balanceMicros: "-17345678",
      unfreezeMicros: "12350000",
    });
    expect(frozen.subject).toBe("Your Tandem apps are frozen");
    expect(frozen.html).toContain('data-tone="danger"');
    expect(frozen.html).not.toContain('data-tone="warning"');
    const button = /<a href="([^"]*)"[^>]*>(?:(?!<\/a>).)*Pay \$12\.35 to unfreeze/s.exec(frozen.html);
    expect(button?.[1]).toBe(`${APP_URL}/account/billing/unfreeze`);
    expect(frozen.text).toContain(`Pay $12.35 to unfreeze ${APP_URL}/account/billing/unfreeze`);
    const low = await renderEmail("standing-low", { from: "active", to: "low", balanceMicros: "4000000" });
    expect(low.html).toContain('data-tone="warning"');
    expect(low.html).not.toContain('data-tone="danger"');
    expect(low.text).not.toContain("unfreeze");
  });

  it("a dispute that froze the account says so in its subject and carries the unfreeze link", async () => {
    const email = await renderEmail("payment-dispute-opened", emailSamples()["payment-dispute-opened"]);
    expect(email.subject).toBe("A $25.00 payment to Tandem is disputed: your apps are frozen");
    expect(hrefs(email.html)).toContain(`${APP_URL}/account/billing/unfreeze`);
    expect(email.text).toContain("Pay $5.00 to unfreeze");
  });

  it("the waitlist confirmation's main button is something useful; leaving is a small link", async () => {
    const withdraw = `${APP_URL}/waitlist/withdraw?token=t0k`;
    const email = await renderEmail("waitlist-joined", { withdrawUrl: withdraw });
    const links = hrefs(email.html);
    // The first link after the wordmark is the main button.
    expect(links[1]).toBe(`${APP_URL}/blog/how-billing-works`);
    expect(email.html).toMatch(/>Read how billing works</);
    expect(email.html).not.toMatch(/>Leave the waitlist</);
    expect(links).toContain(withdraw);
    expect(email.text).toContain(`Changed your mind? Leave the waitlist ${withdraw}`);
  });

  it("the auto-recharge email carries its Checkout link and the reason", async () => {
    const email = await renderEmail("auto-recharge-paused", emailSamples()["auto-recharge-paused"]);
    expect(email.subject).toBe("Auto-recharge paused: your card needs attention");
    expect(hrefs(email.html)).toContain("http://127.0.0.1:12111/checkout/cs_sample");
    expect(email.text).toContain("your bank asked to confirm the payment");
    expect(email.text).toContain("Balance: $3.00");
  });

  it("an adjustment's email says the operator's note and the amount, and a freeze it caused in the subject", async () => {
    const credit = await renderEmail("account-adjustment", emailSamples()["account-adjustment"]);
    expect(credit.subject).toBe("Tandem adjusted your balance: $10.00 credited to your balance");
    expect(credit.text).toContain("Sorry about Tuesday's outage");
    expect(credit.text).toContain("Balance now: $35.00");
    expect(hrefs(credit.html)).toContain(`${APP_URL}/account/statement`);
    const debit = await renderEmail("account-adjustment", {
      direction: "debit",
      amountMicros: "7500000",
      balanceMicros: "-5000000",
      note: "We reversed a credit sent twice.",
      standing: { from: "low", to: "frozen", unfreezeMicros: "5000000" },
    });
    expect(debit.subject).toBe("Tandem adjusted your balance: $7.50 taken off your balance: your apps are frozen");
    expect(debit.text).toContain("Pay $5.00 to unfreeze");
  });
});

describe("text someone typed", () => {
  it("stays text in the HTML: an inviter's name cannot add markup or links", async () => {
    const invitedBy = `<a href="https://evil.test">Ada</a><img src=x onerror=alert(1)>"'`;
    const email = await renderEmail("invite", {
      url: `${APP_URL}/api/auth/callback/nodemailer?token=t`,
      expiresAt: "2026-12-20T00:00:00.000Z",
      invitedBy,
    });
    expect(email.html).not.toContain('<a href="https://evil.test"');
    expect(email.html).not.toContain("<img src=x");
    expect(email.html).toContain("&lt;a href=");
    expect(hrefs(email.html)).not.toContain("https://evil.test");
    // The plain-text part says exactly what was typed: it is text.
    expect(email.text).toContain(`${invitedBy} invited you to Tandem`);
  });
});
