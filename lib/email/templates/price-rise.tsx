import { getEnv } from "@/lib/env";
import type { EmailTemplate } from "../email-template";
import { Callout, EmailHeading, EmailLayout, Figures, Paragraph, SecondaryLink } from "../layout";

export type PriceRiseData = {
  /** The rate card version that raises prices. */
  version: number;
  /** ISO instant: the hour the new prices take effect. */
  effectiveFrom: string;
  /** Each raised price, worded by the publisher ("$0.04 per CPU-hour"): this layer cannot read the rate card. */
  rises: Array<{ name: string; before: string; after: string }>;
};

function effectiveDay(iso: string): string {
  return new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}

function effectiveHour(iso: string): string {
  return `${new Date(iso).toLocaleString("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" })} UTC`;
}

/** One email per account when a published rate card raises any price (lib/rate-drafts/publish-rate-draft.ts). */
export const priceRiseEmail: EmailTemplate<PriceRiseData> = {
  subject: (data) => `Tandem prices change on ${effectiveDay(data.effectiveFrom)}`,
  Body: (data) => (
    <EmailLayout
      preview={`New prices from ${effectiveHour(data.effectiveFrom)}; usage before then keeps today's prices.`}
      reason="You got this email because you have a Tandem account, and we tell every customer before a price goes up."
    >
      <EmailHeading>{`New prices from ${effectiveDay(data.effectiveFrom)}`}</EmailHeading>
      <Callout
        tone="warning"
        title={`Rate card v${data.version} takes effect at ${effectiveHour(data.effectiveFrom)}.`}
      >
        Usage before then is charged at today&apos;s prices; nothing already used is repriced.
      </Callout>
      <Paragraph>These prices go up:</Paragraph>
      <Figures rows={data.rises.map((rise) => [rise.name, `${rise.before} → ${rise.after}`])} />
      <Paragraph>Every other price stays the same or goes down.</Paragraph>
      <SecondaryLink href={`${getEnv().appUrl}/pricing`}>See every price on the pricing page</SecondaryLink>
    </EmailLayout>
  ),
};
