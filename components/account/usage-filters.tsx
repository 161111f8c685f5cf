import { USAGE_PRESETS, usageSearchParams, type UsageSelection } from "@/lib/account/usage-range";
import { buttonClass } from "./page-header";
import { SubmitOnChange } from "./submit-on-change";

const fieldClass = "mt-1 block w-full rounded-lg border border-line bg-paper px-3 py-2 text-sm text-ink";

// The two choices of a fixed set of values: how fine the series is and what it is split by.
const choices = [
  { name: "granularity", label: "Detail", options: [{ value: "hour", label: "Hourly" }, { value: "day", label: "Daily" }] },
  { name: "group", label: "Group by", options: [{ value: "resource", label: "Resource" }, { value: "space", label: "Space" }] },
] as const;

/**
 * The range, detail and grouping of the usage page: a plain GET form that applies each change at once
 * (SubmitOnChange), and without JavaScript through its button, which is then the only way and shown.
 */
export function UsageFilters({ selection, csvHref }: { selection: UsageSelection; csvHref: string }) {
  const customFrom = selection.range === "custom" ? selection.from.toISOString().slice(0, 10) : "";
  const customTo = selection.range === "custom" ? new Date(selection.to.getTime() - 86_400_000).toISOString().slice(0, 10) : "";
  return (
    <form method="get" action="/account/usage" className="grid gap-4 rounded-2xl border border-line bg-paper p-5 sm:grid-cols-2 sm:p-6 lg:grid-cols-6">
      <label className="text-sm font-medium lg:col-span-2">
        Range
        <select name="range" defaultValue={selection.range} className={fieldClass}>
          {Object.entries(USAGE_PRESETS).map(([value, preset]) => (
            <option key={value} value={value}>
              {preset.label}
            </option>
          ))}
          <option value="custom">Custom dates (below)</option>
        </select>
      </label>
      <label className="text-sm font-medium">
        From (UTC day)
        <input type="date" name="from" defaultValue={customFrom} className={fieldClass} />
      </label>
      <label className="text-sm font-medium">
        To (UTC day, inclusive)
        <input type="date" name="to" defaultValue={customTo} className={fieldClass} />
      </label>
      {choices.map((choice) => (
        <label key={choice.name} className="text-sm font-medium">
          {choice.label}
          <select name={choice.name} defaultValue={selection[choice.name]} className={fieldClass}>
            {choice.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      ))}
      {selection.space !== undefined ? (
        <p className="text-sm text-muted sm:col-span-2 lg:col-span-6">
          <input type="hidden" name="space" value={selection.space} />
          Only the space <strong className="font-medium text-ink">{selection.space}</strong>.{" "}
          <a href={`/account/usage?${usageSearchParams({ ...selection, space: undefined })}`} className="underline underline-offset-2">
            Show every space
          </a>
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3 sm:col-span-2 lg:col-span-6">
        <SubmitOnChange />
        <noscript>
          <button type="submit" className={buttonClass.primary}>
            Show usage
          </button>
        </noscript>
        <a href={csvHref} className={buttonClass.secondary} download>
          Download CSV
        </a>
      </div>
    </form>
  );
}
