import { listTimeZones } from "@/lib/settings/time-zone";

const control =
  "mt-1.5 block w-full rounded-lg border border-line bg-paper px-3 py-2 text-base focus:border-brand focus:ring-2 focus:ring-brand/25 focus:outline-none";

/**
 * The time-zone choice: every IANA zone this server knows. Keyed on the zone in force so that, once a
 * save re-renders the page, React 19's reset of the form after its action puts the new zone back, not
 * the one the page first had.
 */
export function TimeZoneField({ timeZone, isChosen }: { timeZone: string; isChosen: boolean }) {
  return (
    <div key={timeZone}>
      <label htmlFor="field-timeZone" className="block text-sm font-medium">
        Time zone
      </label>
      <select id="field-timeZone" name="timeZone" defaultValue={timeZone} aria-describedby="field-timeZone-hint" className={control}>
        {listTimeZones().map((zone) => (
          <option key={zone} value={zone}>
            {zone.replaceAll("_", " ")}
          </option>
        ))}
      </select>
      <p id="field-timeZone-hint" className="text-ink-soft mt-1 text-xs">
        {isChosen
          ? "Dates and hours in your account show in this zone. CSV files stay in UTC."
          : "Not chosen yet: dates follow this browser's zone, shown here. Save to keep it on every device. CSV files stay in UTC."}
      </p>
    </div>
  );
}
