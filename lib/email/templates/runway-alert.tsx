import { getEnv } from "@/lib/env";
import { formatCents } from "@/lib/format/money";
import type { EmailTemplate, MicrosText } from "../email-template";
import { Callout, EmailButton, EmailHeading, EmailLayout, Figures, Paragraph, SecondaryLink } from "../layout";

export type RunwayAlertData = {
  balanceMicros: MicrosText;
  /** The last `windowDays` days' spend per day (lib/spend-alerts/estimate-runway.ts, as the dashboard shows it). */
  perDayMicros: MicrosText;
  /** Whole days the balance lasts at that rate. */
  days: number;
  /** The owner's setting: alert when the balance runs out within this many days. */
  withinDays: number;
  windowDays: number;
  /** A billing contact's one-click unsubscribe (lib/billing-contacts); absent for the owner. */
  unsubscribeUrl?: string;
};

function daysText(days: number): string {
  return days === 0 ? "less than a day" : `about ${days} ${days === 1 ? "day" : "days"}`;
}

/** The balance runs out within the owner's chosen days at the recent rate (lib/spend-alerts). */
export const runwayAlertEmail: EmailTemplate<RunwayAlertData> = {
  subject: (data) => `Your Tandem credit lasts ${daysText(data.days)} at this rate`,
  Body: (data) => {
    const account = `${getEnv().appUrl}/account`;
    const rate = formatCents(BigInt(data.perDayMicros));
    return (
      <EmailLayout
        preview={`At ${rate} a day your balance of ${formatCents(BigInt(data.balanceMicros))} runs out in ${daysText(data.days)}.`}
        reason={`You got this email because runway alerts are on for this Tandem account (within ${data.withinDays} days). Change or switch them off in the account's settings.`}
      >
        <EmailHeading>{`Your credit lasts ${daysText(data.days)}`}</EmailHeading>
        <Figures
          rows={[
            ["Balance", formatCents(BigInt(data.balanceMicros))],
            [`Spend a day (last ${data.windowDays} ${data.windowDays === 1 ? "day" : "days"})`, rate],
          ]}
        />
        <Callout tone="warning" title={`At this rate the balance runs out within ${data.withinDays} ${data.withinDays === 1 ? "day" : "days"}.`}>
          Past zero your apps run on overdraft down to the floor, then they are frozen (read-only, nothing deleted) until credit is added.
        </Callout>
        <Paragraph>Top up now, or turn on auto-recharge so it never comes to that. We tell you again after a week if it is still short.</Paragraph>
        <EmailButton href={`${account}/billing`}>Top up</EmailButton>
        <SecondaryLink href={`${account}/usage`}>See what the spend is</SecondaryLink>
      </EmailLayout>
    );
  },
};
