import { getEnv } from "@/lib/env";
import { formatCents } from "@/lib/format/money";
import type { EmailTemplate, MicrosText } from "../email-template";
import { Callout, EmailButton, EmailHeading, EmailLayout, Figures, Paragraph } from "../layout";

export type BudgetAlertData = {
  /** The space's name; null for the whole account's budget. */
  space: string | null;
  budgetMicros: MicrosText;
  spendMicros: MicrosText;
  /** The highest of 50, 80 and 100 reached (for a pause, the percent of the budget spent). */
  percent: number;
  action: "alert" | "pause";
  /** This email says the budget paused spaces (sent whatever the alert settings say). */
  isPaused: boolean;
  /** How many spaces this pause stopped (the account's budget pauses every space). */
  pausedSpaces?: number;
  /** `YYYY-MM`, the UTC month the spend is of. */
  month: string;
  /** A billing contact's one-click unsubscribe (lib/billing-contacts). */
  unsubscribeUrl?: string;
};

function subjectOf(data: BudgetAlertData, budget: string): string {
  const whose = data.space === null ? "Your account" : `Space ${data.space}`;
  if (data.isPaused) return `${whose} is paused: it reached its ${budget} monthly budget`;
  return `${whose} reached ${data.percent}% of its ${budget} monthly budget`;
}

/** The one sentence on what happens at the budget, worded for the space or the whole account. */
export function budgetConsequence(data: Pick<BudgetAlertData, "space" | "action" | "budgetMicros">): string {
  const budget = formatCents(BigInt(data.budgetMicros));
  if (data.action === "alert") return "This budget only alerts: nothing stops.";
  return data.space === null
    ? `At ${budget} every space of the account pauses: they become read-only until the budget is raised or the month ends.`
    : `At ${budget} the space pauses: it becomes read-only until the budget is raised or the month ends.`;
}

export const budgetAlertEmail: EmailTemplate<BudgetAlertData> = {
  subject: (data) => subjectOf(data, formatCents(BigInt(data.budgetMicros))),
  Body: (data) => {
    const budget = formatCents(BigInt(data.budgetMicros));
    const spend = formatCents(BigInt(data.spendMicros));
    const what = data.space === null ? "your account" : `the space ${data.space}`;
    const title = data.isPaused
      ? data.space === null
        ? `Every space of your account is paused: this month's spend, ${spend}, reached the ${budget} budget.`
        : `${data.space} is paused: this month's spend, ${spend}, reached its ${budget} budget.`
      : `${data.percent}% of the ${budget} monthly budget of ${what} is spent.`;
    return (
      <EmailLayout
        preview={title}
        reason={`You got this email because ${what} has a monthly budget on Tandem and its spend reached ${data.percent}% of it.`}
      >
        <EmailHeading>{data.isPaused ? "Budget reached: paused" : `Budget ${data.percent}% spent`}</EmailHeading>
        <Callout tone={data.isPaused ? "danger" : data.percent >= 100 ? "warning" : "info"} title={title}>
          {data.isPaused
            ? "Paused spaces are read-only until the budget is raised or the month ends (UTC). Nothing is deleted."
            : budgetConsequence(data)}
        </Callout>
        <Figures
          rows={[
            ["Space", data.space ?? "Whole account"],
            [`Spend in ${data.month} (UTC)`, spend],
            ["Monthly budget", budget],
            ["Spent", `${data.percent}%`],
          ]}
        />
        <Paragraph>Raise or remove the budget in your account to resume at once; the month rolling over resumes it too.</Paragraph>
        <EmailButton href={`${getEnv().appUrl}/account/spaces`} tone={data.isPaused ? "danger" : "info"}>
          Review budgets
        </EmailButton>
      </EmailLayout>
    );
  },
};
