// Issue 17, bug 5: every amount a person reads in the account area and on the billing pages is cents
// (half to even) with the exact micro-dollars in its title; no "$1.209886", no "$0.000000". The
// components are rendered as the server renders them, with real props.
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BalanceCard } from "@/components/account/balance-card";
import { CloseAccountPanel } from "@/components/account/close-account-panel";
import { CostSeriesPanel } from "@/components/account/cost-series-panel";
import { SpendPanel } from "@/components/account/spend-panel";
import { StandingPanel } from "@/components/account/standing-panel";
import { AutoRechargePanel } from "@/components/billing/auto-recharge-panel";
import { CheckoutResult } from "@/components/billing/checkout-result";
import { TopUpHistory } from "@/components/billing/top-up-history";
import type { FormAction } from "@/lib/actions/action-state";
import type { OwnAccount } from "./get-own-account";

const account: OwnAccount = {
  accountId: "acct_1",
  ledgerAccountId: 1n,
  state: "low",
  balanceMicros: 1_209_886n,
  lowThresholdMicros: 5_000_000n,
  floorMicros: -5_000_000n,
  createdAt: new Date("2026-11-29T23:30:00Z"),
  closedAt: null,
  isHeld: false,
};

const noAction: FormAction = async () => ({ status: "idle" });

function html(element: ReactElement): string {
  return renderToStaticMarkup(element);
}

// An amount with more than two decimals, in the text a person reads (titles are where exact values go).
function textOf(markup: string): string {
  return markup.replace(/<[^>]*>/g, " ");
}
const MICRO_AMOUNT = /\$\d[\d,]*\.\d{3,}/;

describe("amounts for people", () => {
  it("the dashboard's balance is $1.21 with the exact $1.209886 in its title", () => {
    const markup = html(createElement(StandingPanel, { account, timeZone: "UTC" }));
    expect(markup).toContain('title="Exactly $1.209886">$1.21<');
    expect(textOf(markup)).not.toMatch(MICRO_AMOUNT);
  });

  it("the spend panel and the cost series show cents, never $0.000000", () => {
    const spend = html(
      createElement(SpendPanel, {
        dashboard: {
          account,
          runway: { kind: "estimate", perDayMicros: 1_234_567n, days: 1n, windowDays: 7 },
          monthToDateMicros: 3_790_114n,
          lastMonthToSamePointMicros: 0n,
          last24Hours: [],
          last30Days: [],
        },
      }),
    );
    expect(spend).toContain('title="Exactly $3.790114">$3.79<');
    expect(spend).toContain("$1.23 a day");
    const series = html(
      createElement(CostSeriesPanel, {
        id: "x",
        title: "Last 24 hours",
        granularity: "hour",
        timeZone: "UTC",
        points: [
          { start: new Date("2026-12-06T10:00:00Z"), costMicros: 0n },
          { start: new Date("2026-12-06T11:00:00Z"), costMicros: 3_790_114n },
        ],
      }),
    );
    for (const markup of [spend, series]) {
      expect(textOf(markup)).not.toMatch(MICRO_AMOUNT);
      expect(markup).not.toContain("$0.000000");
    }
    expect(series).toContain("$0.00");
  });

  it("the billing page's balance, top-ups, auto-recharge and checkout result show cents with exact titles", () => {
    const markups = [
      html(createElement(BalanceCard, { billing: { ...account, state: "low" } as never, timeZone: "UTC" })),
      html(createElement(TopUpHistory, { topUps: [{ sessionId: "cs_1", amountMicros: 25_000_000n, status: "paid", receiptUrl: null, createdAt: new Date() }], timeZone: "UTC" })),
      html(
        createElement(AutoRechargePanel, {
          state: { enabled: true, thresholdMicros: 4_500_000n, targetMicros: 20_000_000n, monthlyCapMicros: 100_000_000n, spentThisMonthMicros: 18_000_001n } as never,
          card: null,
          recharges: [{ id: "r1", amountMicros: 15_500_000n, status: "succeeded", receiptUrl: null, createdAt: new Date() }] as never,
          actions: { saveCard: noAction, openPortal: noAction, save: noAction, resume: noAction },
          timeZone: "UTC",
        }),
      ),
      html(createElement(CheckoutResult, { result: { sessionId: "cs_1", accountId: "acct_1", status: "paid", amountMicros: 25_000_000n, balanceMicros: 26_209_886n, isNewCredit: true } as never })),
      html(createElement(CloseAccountPanel, { action: noAction, balanceMicros: 1_209_886n })),
    ];
    for (const markup of markups) expect(textOf(markup)).not.toMatch(MICRO_AMOUNT);
    expect(markups[0]).toContain('title="Exactly $1.209886">$1.21<');
    expect(markups[1]).toContain(">$25.00<");
    expect(markups[2]).toContain('title="Exactly $18.000001">$18.00<');
    expect(markups[2]).toContain('value="4.50"');
    expect(markups[3]).toContain(">+$25.00<");
    expect(markups[3]).toContain('title="Exactly $26.209886">$26.21<');
    expect(markups[4]).toContain('title="Exactly $1.209886">$1.21<');
  });
});
