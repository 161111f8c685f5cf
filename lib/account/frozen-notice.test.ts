// The dashboard's frozen notice (components/account/dashboard-notices.tsx), rendered as the server
// renders it: frozen by the balance, it offers the top-up that unfreezes; frozen by an operator
// (issue 18, lib/account-controls), a top-up would lift nothing, so it offers no payment.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DashboardNotices } from "@/components/account/dashboard-notices";
import type { OwnAccount } from "./get-own-account";

const frozen: OwnAccount = {
  accountId: "acct_1",
  ledgerAccountId: 1n,
  state: "frozen",
  balanceMicros: -5_000_000n,
  lowThresholdMicros: 5_000_000n,
  floorMicros: -5_000_000n,
  createdAt: new Date("2026-11-29T23:30:00Z"),
  closedAt: null,
  isHeld: false,
};

const render = (account: OwnAccount) =>
  renderToStaticMarkup(createElement(DashboardNotices, { account, payment: null }));

describe("the frozen notice", () => {
  it("offers the top-up that unfreezes an account frozen by its balance", () => {
    const html = render(frozen);
    expect(html).toContain("Your apps are frozen");
    expect(html).toContain('data-testid="unfreeze-link"');
  });

  it("offers no payment to an account an operator froze, whatever its balance", () => {
    const html = render({ ...frozen, balanceMicros: 40_000_000n, isHeld: true });
    expect(html).toContain("Your apps are frozen by us");
    expect(html).toContain("A top-up does not lift this freeze");
    expect(html).not.toContain("unfreeze-link");
    expect(html).not.toContain("to unfreeze");
  });
});
