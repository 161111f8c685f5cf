import { describe, expect, it } from "vitest";
import { renderEmail } from "../render-email";

// What the runway and anomaly alerts say: their figures, and the way out (top up, the usage by space).
const APP_URL = "https://tandem.example.test";
Object.assign(process.env, { APP_URL, AUTH_URL: APP_URL });

describe("the runway alert", () => {
  it("says the balance, the rate, the days left and the chosen days, and links to top up", async () => {
    const email = await renderEmail("runway-alert", { balanceMicros: "9000000", perDayMicros: "3000000", days: 3, withinDays: 7, windowDays: 7 });
    expect(email.subject).toBe("Your Tandem credit lasts about 3 days at this rate");
    expect(email.text).toContain("Balance: $9.00");
    expect(email.text).toContain("$3.00");
    expect(email.text).toContain("runs out within 7 days");
    expect(email.html).toContain(`href="${APP_URL}/account/billing"`);
  });
});

describe("the anomaly alert", () => {
  it("says the day, its cost, the usual day and how many times it is", async () => {
    const email = await renderEmail("spend-anomaly", { day: "2026-12-05", costMicros: "12000000", medianMicros: "2000000", isToday: true });
    expect(email.subject).toBe("Unusual spend on Tandem: $12.00 on Saturday 5 December");
    expect(email.text).toContain("so far");
    expect(email.text).toContain("$2.00");
    expect(email.text).toContain("6× a usual day");
  });

  it("does not divide by a usual day of nothing", async () => {
    const email = await renderEmail("spend-anomaly", { day: "2026-12-05", costMicros: "1500000", medianMicros: "0", isToday: false });
    expect(email.text).toContain("far more than a usual day");
  });
});
