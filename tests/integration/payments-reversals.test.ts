import { describe, expect, it, vi } from "vitest";
import {
  WELCOME_MICROS,
  balanceOf,
  chargeOf,
  createPayingUser,
  mailSubjectsTo,
  payTopUp,
  startTopUp,
  transfersOf,
  waitForProcessedEvent,
  runStripeHarnessInThisFile,
} from "../support/stripe-harness";
import { EVENTUALLY } from "../support/eventually";

const harness = runStripeHarnessInThisFile();

async function settled(accountId: string, kinds: string[]): Promise<void> {
  await vi.waitFor(async () => expect((await transfersOf(accountId)).map((transfer) => transfer.kind)).toEqual(kinds), EVENTUALLY);
}

describe("refunds and disputes", () => {
  it("reverses each refund exactly, partial ones included", async () => {
    const user = await createPayingUser();
    const sessionId = await startTopUp(user, 5000);
    await payTopUp(harness, sessionId);
    await settled(user.accountId, ["top_up"]);
    const charge = await chargeOf(harness, sessionId);
    await harness.control("POST", `/charges/${charge}/refund`, { amount: 1250 });
    await settled(user.accountId, ["top_up", "refund"]);
    await harness.control("POST", `/charges/${charge}/refund`, { amount: 750 });
    await settled(user.accountId, ["top_up", "refund", "refund"]);
    const transfers = await transfersOf(user.accountId);
    expect(transfers[1]).toMatchObject({ micros: 12_500_000n });
    expect(transfers[1]?.key).toMatch(/^refund:re_/);
    expect(transfers[2]).toMatchObject({ micros: 7_500_000n });
    expect(await balanceOf(user.accountId)).toBe(WELCOME_MICROS + 50_000_000n - 20_000_000n);
    await vi.waitFor(async () => expect((await mailSubjectsTo(user.email)).filter((subject) => subject.startsWith("Refund"))).toHaveLength(2), EVENTUALLY);
  });

  it("fulfils first when a refund arrives before checkout.session.completed", async () => {
    await harness.control("POST", "/webhooks", { mode: "reorder" });
    try {
      const user = await createPayingUser();
      const sessionId = await startTopUp(user, 2500);
      await payTopUp(harness, sessionId);
      await harness.control("POST", `/charges/${await chargeOf(harness, sessionId)}/refund`, {});
      // Newest first: charge.refunded reaches the site before checkout.session.completed.
      await harness.control("POST", "/webhooks/flush");
      await settled(user.accountId, ["top_up", "refund"]);
      expect(await balanceOf(user.accountId)).toBe(WELCOME_MICROS);
    } finally {
      await harness.control("POST", "/webhooks", { mode: "normal" });
    }
  });

  it("holds a disputed amount and leaves it out when the dispute is lost", async () => {
    const user = await createPayingUser();
    const sessionId = await startTopUp(user, 4000);
    await payTopUp(harness, sessionId);
    await settled(user.accountId, ["top_up"]);
    const dispute = await harness.control<{ id: string }>("POST", `/charges/${await chargeOf(harness, sessionId)}/dispute`, {});
    await settled(user.accountId, ["top_up", "dispute"]);
    expect(await balanceOf(user.accountId)).toBe(WELCOME_MICROS);
    await harness.control("POST", `/disputes/${dispute.id}/close`, { status: "lost" });
    await waitForProcessedEvent("charge.dispute.closed", dispute.id);
    await settled(user.accountId, ["top_up", "dispute"]);
    expect(await balanceOf(user.accountId)).toBe(WELCOME_MICROS);
    await vi.waitFor(async () => expect(await mailSubjectsTo(user.email)).toContain("A $40.00 payment to Tandem is disputed"), EVENTUALLY);
  });

  it("restores the credit when a dispute is won, even if the close arrives first", async () => {
    await harness.control("POST", "/webhooks", { mode: "reorder" });
    try {
      const user = await createPayingUser();
      const sessionId = await startTopUp(user, 3000);
      await payTopUp(harness, sessionId);
      const dispute = await harness.control<{ id: string }>("POST", `/charges/${await chargeOf(harness, sessionId)}/dispute`, { amount: 1000 });
      await harness.control("POST", `/disputes/${dispute.id}/close`, { status: "won" });
      await harness.control("POST", "/webhooks/flush");
      await settled(user.accountId, ["top_up", "dispute", "dispute_won"]);
      const transfers = await transfersOf(user.accountId);
      expect(transfers.slice(1).map((transfer) => transfer.micros)).toEqual([10_000_000n, 10_000_000n]);
      expect(await balanceOf(user.accountId)).toBe(WELCOME_MICROS + 30_000_000n);
    } finally {
      await harness.control("POST", "/webhooks", { mode: "normal" });
    }
  });
});
