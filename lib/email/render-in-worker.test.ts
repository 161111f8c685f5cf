import { describe, expect, it } from "vitest";
import { renderEmail } from "./render-email";
import { renderEmailInWorker } from "./render-in-worker";
import { emailSamples } from "./templates/samples";

// The path Next's route handlers, server actions and the scripts take (they cannot load react-dom/server
// in place): the same email as drawn in place, from a worker thread of plain Node.
describe("renderEmailInWorker", () => {
  it("draws the same email as renderEmail, and keeps drawing after a bad template", { timeout: 120_000 }, async () => {
    const data = emailSamples()["standing-frozen"];
    expect(await renderEmailInWorker("standing-frozen", data)).toEqual(await renderEmail("standing-frozen", data));
    await expect(renderEmailInWorker("payment-receipt", { amountMicros: "not a number" })).rejects.toThrow(
      /could not be drawn/,
    );
    const again = await renderEmailInWorker("magic-link", emailSamples()["magic-link"]);
    expect(again.subject).toBe("Your Tandem sign-in link");
  });
});
