import type { FormAction } from "@/lib/actions/action-state";
import { Panel } from "./page-header";
import { SettingsForm } from "./settings-form";

/** The settings page's switch for the owner's monthly statement email (issue 20); contacts have theirs in the billing contacts list. */
export function MonthlyStatementSettings({ isOn, action }: { isOn: boolean; action: FormAction }) {
  return (
    <Panel id="monthly-statement-heading" title="Monthly statement">
      <SettingsForm action={action} label="Save statement choice" pendingLabel="Saving…">
        <label className="flex items-start gap-3 text-sm">
          <input
            type="checkbox"
            name="monthlyStatement"
            defaultChecked={isOn}
            className="accent-brand mt-1 h-4 w-4 shrink-0"
          />
          <span>
            <span className="font-medium">Email me the statement on the 1st</span>
            <span className="text-ink-soft block">
              Last month&rsquo;s statement as a PDF: opening balance, credits, usage by space, adjustments and closing
              balance. Any month&rsquo;s is on the statement page too.
            </span>
          </span>
        </label>
      </SettingsForm>
    </Panel>
  );
}
