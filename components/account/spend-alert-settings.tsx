import type { SpendAlertChoices } from "@/lib/account/update-settings";
import type { FormAction } from "@/lib/actions/action-state";
import { FormField } from "@/components/ui/form-field";
import { Panel } from "./page-header";
import { SettingsForm } from "./settings-form";

type Switch = { name: "budgetAlerts" | "runwayAlert" | "anomalyAlert"; label: string; hint: string };

const BUDGET: Switch = {
  name: "budgetAlerts",
  label: "Budget alerts",
  hint: "At 50%, 80% and 100% of a space's or the account's monthly budget. The email that says a space was paused is always sent.",
};
const RUNWAY: Switch = {
  name: "runwayAlert",
  label: "Running out soon",
  hint: "When the balance will run out within the days below at the last 7 days' rate. Once, then not again until it lasts longer (at most weekly).",
};
const ANOMALY: Switch = {
  name: "anomalyAlert",
  label: "Unusual spend",
  hint: "When a day (UTC) costs at least 5× the median of the 7 days before it, and at least $1.00. Needs a week of history.",
};

function SwitchField({ item, isChecked }: { item: Switch; isChecked: boolean }) {
  return (
    <label className="flex items-start gap-3 text-sm">
      <input type="checkbox" name={item.name} defaultChecked={isChecked} className="accent-brand mt-1 h-4 w-4 shrink-0" />
      <span>
        <span className="font-medium">{item.label}</span>
        <span className="text-ink-soft block">{item.hint}</span>
      </span>
    </label>
  );
}

/** The settings page's spend alerts: each an email and a dashboard notice, each on or off (issue 19). */
export function SpendAlertSettings({ choices, action }: { choices: SpendAlertChoices; action: FormAction }) {
  return (
    <Panel id="spend-alerts-heading" title="Spend alerts">
      <SettingsForm action={action} label="Save spend alerts" pendingLabel="Saving…">
        <fieldset className="space-y-3">
          <legend className="text-ink-soft text-sm">
            Each is an email, to you and your confirmed billing contacts, and a notice on your dashboard.
          </legend>
          <SwitchField item={BUDGET} isChecked={choices.budgetAlerts} />
          <SwitchField item={RUNWAY} isChecked={choices.runwayAlert} />
          <div className="pl-7">
            <FormField
              name="runwayDays"
              label="Days of credit left that trigger it"
              hint="From 1 to 90 days."
              type="number"
              inputMode="numeric"
              min={1}
              max={90}
              step={1}
              required
              defaultValue={choices.runwayDays}
              className="max-w-28"
            />
          </div>
          <SwitchField item={ANOMALY} isChecked={choices.anomalyAlert} />
        </fieldset>
      </SettingsForm>
    </Panel>
  );
}
