import { getEnv } from "@/lib/env";
import { formatCents } from "@/lib/format/money";
import type { EmailTemplate, MicrosText } from "../email-template";
import { Callout, EmailButton, EmailHeading, EmailLayout, Figures, Paragraph } from "../layout";

export type SpendAnomalyData = {
  /** The UTC day, YYYY-MM-DD. */
  day: string;
  /** Its billed cost when the alert fired (so far, when it is `isToday`). */
  costMicros: MicrosText;
  /** The median of the 7 days before it. */
  medianMicros: MicrosText;
  /** The day was still going (UTC) when the alert fired: its cost is "so far". */
  isToday: boolean;
  /** A billing contact's one-click unsubscribe (lib/billing-contacts); absent for the owner. */
  unsubscribeUrl?: string;
};

function dayText(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("en-GB", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
}

/** How many times the usual the day cost, in whole times ("7×"), or "far more than" when the usual is $0. */
export function timesUsual(costMicros: bigint, medianMicros: bigint): string {
  return medianMicros > 0n ? `${(costMicros / medianMicros).toString()}×` : "far more than";
}

/** A day cost at least 5× the median of the 7 days before it (lib/spend-alerts/detect-anomaly.ts). */
export const spendAnomalyEmail: EmailTemplate<SpendAnomalyData> = {
  subject: (data) => `Unusual spend on Tandem: ${formatCents(BigInt(data.costMicros))} on ${dayText(data.day)}`,
  Body: (data) => {
    const cost = BigInt(data.costMicros);
    const median = BigInt(data.medianMicros);
    const account = `${getEnv().appUrl}/account`;
    return (
      <EmailLayout
        preview={`${dayText(data.day)} cost ${formatCents(cost)}${data.isToday ? " so far" : ""}, ${timesUsual(cost, median)} the usual ${formatCents(median)} a day.`}
        reason="You got this email because anomaly alerts are on for this Tandem account. Switch them off in the account's settings."
      >
        <EmailHeading>Unusual spend</EmailHeading>
        <Figures
          rows={[
            [`${dayText(data.day)} (UTC)${data.isToday ? ", so far" : ""}`, formatCents(cost)],
            ["Usual day (median of the 7 before)", formatCents(median)],
          ]}
        />
        <Callout tone="warning" title={`That is ${timesUsual(cost, median)} a usual day.`}>
          Nothing was stopped: this is a heads-up. If it is not what you expected, look at which space and resource it came from.
        </Callout>
        <Paragraph>A budget on a space can pause it at a limit you choose, so a runaway app cannot spend the whole balance.</Paragraph>
        <EmailButton href={`${account}/usage?range=7d&group=space`}>See the usage by space</EmailButton>
      </EmailLayout>
    );
  },
};
