import { describe, expect, it } from "vitest";
import { renderEmail } from "../render-email";
import { emailSamples } from "./samples";

// The budget-alert email (issue 19): the space, spend, budget and percent, and in one sentence what
// happens next; a pause says the space is read-only until the budget is raised or the month ends.

const APP_URL = "https://tandem.example.test";
Object.assign(process.env, { APP_URL, AUTH_URL: APP_URL, COMPANY_NAME: "Example Hosting Ltd", CONTACT_EMAIL: "help@example.test" });

const base = { space: "chat", budgetMicros: "2000000", spendMicros: "1610000", percent: 80, month: "2026-12" } as const;

describe("the budget-alert email", () => {
  it("a pause budget's 80% says the figures and that the space pauses at the budget", async () => {
    const email = await renderEmail("budget-alert", { ...base, action: "pause", isPaused: false });
    expect(email.subject).toBe("Space chat reached 80% of its $2.00 monthly budget");
    expect(email.text).toContain("Spend in 2026-12 (UTC): $1.61");
    expect(email.text).toContain("Monthly budget: $2.00");
    expect(email.text).toContain("At $2.00 the space pauses: it becomes read-only until the budget is raised or the month ends.");
  });

  it("an alert-only budget says nothing stops", async () => {
    const email = await renderEmail("budget-alert", { ...base, percent: 100, spendMicros: "2000000", action: "alert", isPaused: false });
    expect(email.text).toContain("This budget only alerts: nothing stops.");
    expect(email.text).not.toContain("read-only");
  });

  it("the pause email says the space is paused and read-only, nothing deleted", async () => {
    const email = await renderEmail("budget-alert", emailSamples()["budget-alert"]);
    expect(email.subject).toBe("Space whiteboard is paused: it reached its $2.00 monthly budget");
    expect(email.text).toContain("whiteboard is paused");
    expect(email.text).toContain("read-only until the budget is raised or the month ends (UTC). Nothing is deleted.");
    expect(email.html).toContain(`href="${APP_URL}/account/spaces"`);
  });

  it("the account's budget names the whole account", async () => {
    const email = await renderEmail("budget-alert", { ...base, space: null, action: "pause", isPaused: false, percent: 50 });
    expect(email.subject).toBe("Your account reached 50% of its $2.00 monthly budget");
    expect(email.text).toContain("every space of the account pauses");
  });
});
