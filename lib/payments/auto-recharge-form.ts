// The zod schema of the auto-recharge settings form, parsed by its server action. Pure (no
// `server-only`) so unit tests run it. Amounts are typed in dollars and become integer cents here.
import { z } from "zod";
import { parseDollarsToCents } from "./top-up-amount";

export const AUTO_RECHARGE_LIMITS = {
  maxThresholdCents: 50_000,
  minStepCents: 500,
  maxTargetCents: 100_000,
  minCapCents: 1_000,
  maxCapCents: 500_000,
} as const;

const dollars = (label: string) =>
  z
    .string({ message: `Enter ${label}.` })
    .max(32)
    .transform((text, context) => {
      const cents = parseDollarsToCents(text);
      if (cents === undefined) {
        context.addIssue({ code: "custom", message: `Enter ${label} in dollars and cents (for example 10 or 12.50).` });
        return z.NEVER;
      }
      return cents;
    });

export const autoRechargeFormSchema = z
  .object({
    enabled: z.enum(["on", "off"], { message: "Choose whether auto-recharge is on." }),
    threshold: dollars("a threshold"),
    target: dollars("a recharge-to amount"),
    monthlyCap: dollars("a monthly cap"),
  })
  .superRefine((input, context) => {
    const limits = AUTO_RECHARGE_LIMITS;
    if (input.threshold > limits.maxThresholdCents) {
      context.addIssue({ code: "custom", path: ["threshold"], message: "The threshold can be at most $500." });
    }
    if (input.target > limits.maxTargetCents || input.target < input.threshold + limits.minStepCents) {
      context.addIssue({ code: "custom", path: ["target"], message: "Recharge to at least $5 above the threshold, and at most $1,000." });
    }
    if (input.monthlyCap < limits.minCapCents || input.monthlyCap > limits.maxCapCents) {
      context.addIssue({ code: "custom", path: ["monthlyCap"], message: "The monthly cap must be from $10 to $5,000." });
    } else if (input.monthlyCap < input.target - input.threshold) {
      context.addIssue({ code: "custom", path: ["monthlyCap"], message: "The monthly cap must cover at least one recharge (recharge-to minus threshold)." });
    }
  })
  .transform((input) => ({
    enabled: input.enabled === "on",
    thresholdCents: input.threshold,
    targetCents: input.target,
    monthlyCapCents: input.monthlyCap,
  }));

export type AutoRechargeForm = z.output<typeof autoRechargeFormSchema>;
