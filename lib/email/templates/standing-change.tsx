import { getEnv } from "@/lib/env";
import { formatCents } from "@/lib/format/money";
import type { EmailTemplate, MicrosText } from "../email-template";
import { Callout, EmailButton, EmailHeading, EmailLayout, Figures, SecondaryLink, type Tone } from "../layout";

/** An account's standing (lib/ledger/standing.ts's StandingState; this layer cannot import the ledger). */
export type StandingName = "active" | "low" | "grace" | "frozen";

export type StandingChangeNote = {
  from: StandingName;
  to: StandingName;
  /** Frozen only: what a one-click top-up must add to unfreeze (lib/billing/unfreeze-amount.ts). */
  unfreezeMicros?: MicrosText;
};

export type StandingChangeData = StandingChangeNote & { balanceMicros: MicrosText };

const RANK: Record<StandingName, number> = { active: 3, low: 2, grace: 1, frozen: 0 };

export type StandingWords = { subject: string; title: string; body: string; tone: Tone };

/** What a change means and what to do, worded by which way the balance moved. */
export function standingWords(from: StandingName, to: StandingName): StandingWords {
  if (to === "frozen") {
    return {
      subject: "Your Tandem apps are frozen",
      title: "Your apps are frozen",
      body: "Your balance reached its overdraft floor, so your apps are read-only. Nothing is deleted: a top-up unfreezes them at once.",
      tone: "danger",
    };
  }
  if (from === "frozen") {
    return {
      subject: "Your Tandem apps are running again",
      title: "Your apps are running again",
      body: "Your balance is above the overdraft floor again, so your apps are no longer frozen.",
      tone: "info",
    };
  }
  if (RANK[to] > RANK[from]) {
    return to === "active"
      ? {
          subject: "Your Tandem account is in good standing",
          title: "Back in good standing",
          body: "Your balance is above your low-balance threshold. Nothing else to do.",
          tone: "info",
        }
      : {
          subject: "Credit added to your Tandem account",
          title: "Your balance is still low",
          body: "Credit was added, and your balance is at or below your low-balance threshold. Top up when you are ready.",
          tone: "warning",
        };
  }
  return to === "low"
    ? {
        subject: "Your Tandem balance is low",
        title: "Your balance is low",
        body: "Your balance is at or below your low-balance threshold. Top up soon so your apps keep running.",
        tone: "warning",
      }
    : {
        subject: "Your Tandem balance has run out",
        title: "Your balance has run out",
        body: "Your balance is at or below zero. Your apps keep running until the overdraft floor; top up to avoid a freeze.",
        tone: "warning",
      };
}

/** The link a frozen account pays through: it makes a Checkout session for the shortfall (app/(account)/account/billing/unfreeze). */
export function unfreezeUrl(): string {
  return `${getEnv().appUrl}/account/billing/unfreeze`;
}

/**
 * The standing part of an email: a callout in the change's tone, and for a freeze the one-click way out.
 * `isUntitled` when the email's own heading already says the title (the standing email itself).
 */
export function StandingNote({
  from,
  to,
  unfreezeMicros,
  isUntitled = false,
}: StandingChangeNote & { isUntitled?: boolean }) {
  const words = standingWords(from, to);
  return (
    <>
      <Callout tone={words.tone} title={isUntitled ? undefined : words.title}>
        {words.body}
      </Callout>
      {to === "frozen" && unfreezeMicros !== undefined ? (
        <EmailButton href={unfreezeUrl()} tone="danger">
          {`Pay ${formatCents(BigInt(unfreezeMicros))} to unfreeze`}
        </EmailButton>
      ) : null}
    </>
  );
}

export const standingChangeEmail: EmailTemplate<StandingChangeData> = {
  subject: ({ from, to }) => standingWords(from, to).subject,
  Body: (data) => {
    const words = standingWords(data.from, data.to);
    const account = `${getEnv().appUrl}/account`;
    const isFrozen = data.to === "frozen";
    return (
      <EmailLayout
        preview={words.body}
        reason="You got this email because the standing of your Tandem account changed. Choose which of these emails you get in your account settings (the frozen one is always sent)."
      >
        <EmailHeading>{words.title}</EmailHeading>
        <Figures rows={[["Balance", formatCents(BigInt(data.balanceMicros))]]} />
        <StandingNote {...data} isUntitled />
        {isFrozen ? (
          <SecondaryLink href={`${account}/billing`}>Choose another amount on the billing page</SecondaryLink>
        ) : words.tone === "warning" ? (
          <EmailButton href={`${account}/billing`}>Top up</EmailButton>
        ) : (
          <EmailButton href={account}>Open your account</EmailButton>
        )}
      </EmailLayout>
    );
  },
};
