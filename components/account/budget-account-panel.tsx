import { Money } from "@/components/ui/money";
import type { FormAction } from "@/lib/actions/action-state";
import { describeBudgetLimit } from "@/lib/account/budget-sentences";
import type { SpendControls } from "@/lib/account/get-spend-controls";
import { BudgetForm } from "./budget-form";
import { budgetBar, dollarsForInput } from "./budget-figures";

/**
 * The whole account's monthly budget, above the spaces' own: its spend against it, what happens at it
 * in one sentence, and its form. `#account-budget` is where the dashboard's notice links.
 */
export function BudgetAccountPanel({
  controls,
  save,
  remove,
  now,
}: {
  controls: SpendControls;
  save: FormAction;
  remove: FormAction;
  now: Date;
}) {
  const budget = controls.accountBudget;
  const bar = budget ? budgetBar(controls.accountSpendMicros, budget.amountMicros) : null;
  return (
    <section
      id="account-budget"
      aria-labelledby="account-budget-heading"
      className="border-line bg-paper scroll-mt-4 rounded-2xl border p-5 sm:p-6"
    >
      <h2 id="account-budget-heading" className="text-base font-semibold">
        Budget for the whole account
      </h2>
      <div className="mt-4 space-y-3">
        <p className="text-ink-soft text-sm tabular-nums" data-testid="account-budget">
          {budget && bar ? (
            <>
              Spent <Money micros={controls.accountSpendMicros} className="text-ink" /> of{" "}
              <Money micros={budget.amountMicros} className="text-ink" /> this month ({bar.percent}).
            </>
          ) : (
            <>
              No account budget. Spent <Money micros={controls.accountSpendMicros} className="text-ink" /> this month
              across all spaces.
            </>
          )}
        </p>
        {bar ? (
          <div className="bg-line h-2 rounded-full" aria-hidden="true">
            <div className={`h-2 rounded-full ${bar.barClass}`} style={{ width: bar.barWidth }} />
          </div>
        ) : null}
        <p className="text-sm leading-6" data-testid="budget-sentence">
          {budget
            ? describeBudgetLimit({
                scope: { kind: "account" },
                amountMicros: budget.amountMicros,
                action: budget.action,
                now,
              })
            : "A budget for the whole account emails you at 50, 80 and 100% of a monthly amount across all spaces; choose “Pause at the limit” to also stop every space there."}
        </p>
        <BudgetForm
          save={save}
          remove={remove}
          target="account"
          subject="the whole account"
          defaults={{ amount: budget ? dollarsForInput(budget.amountMicros) : "", action: budget?.action ?? "alert" }}
          hasBudget={budget !== null}
        />
      </div>
    </section>
  );
}
