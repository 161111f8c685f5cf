import type { ReactNode } from "react";
import { Money } from "@/components/ui/money";

const th = "px-3 py-2 font-medium whitespace-nowrap";
const td = "px-3 py-2 max-sm:px-0 max-sm:py-0.5";
// At phone widths each row is a block: the account on its own line, then its amounts side by side, each
// with its own small label, so every amount stays in view without sideways scrolling.
const stacked =
  "max-sm:block max-sm:[&_thead]:sr-only max-sm:[&_tbody]:block max-sm:[&_tr]:flex max-sm:[&_tr]:flex-wrap max-sm:[&_tr]:gap-x-6 max-sm:[&_tr]:py-2";

/** The column's name above a money cell on phones; the table's header names it on wider screens. */
function SmallLabel({ children }: { children: string }) {
  return <span className="text-ink-soft block text-xs font-normal sm:hidden">{children}</span>;
}

export type IncidentCreditRow = {
  accountId: string;
  email: string | null;
  billedMicros?: bigint;
  writtenOffMicros?: bigint;
  creditMicros: bigint;
};

/** A table the keyboard can scroll sideways when it is wider than a phone's screen. */
function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-label={`${label} (scrolls sideways if it is wider than the screen)`}
      tabIndex={0}
      className="focus-visible:outline-brand overflow-x-auto focus-visible:outline-2"
    >
      {children}
    </div>
  );
}

/** Per account: what the incident's usage cost, what of it was written off, and the credit. */
export function IncidentCreditTable({
  label,
  rows,
  isPreview,
}: {
  label: string;
  rows: IncidentCreditRow[];
  isPreview: boolean;
}) {
  return (
    <ScrollRegion label={label}>
      <table className={`w-full text-left text-sm tabular-nums ${stacked}`} data-testid="incident-credits">
        <caption className="sr-only">{label}</caption>
        <thead>
          <tr className="border-line text-ink-soft border-b">
            <th scope="col" className={th}>
              Account
            </th>
            {isPreview ? (
              <>
                <th scope="col" className={`${th} text-right`}>
                  Usage billed
                </th>
                <th scope="col" className={`${th} text-right`}>
                  Written off
                </th>
              </>
            ) : null}
            <th scope="col" className={`${th} text-right`}>
              Credit
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.accountId} className="border-line/60 border-b" data-testid="incident-credit-row">
              <td className={`${td} max-sm:w-full`}>
                <span className="block break-all">{row.email ?? "—"}</span>
                <span className="text-ink-soft block font-mono text-xs break-all">{row.accountId}</span>
              </td>
              {isPreview ? (
                <>
                  <td className={`${td} text-right max-sm:text-left`}>
                    <SmallLabel>Usage billed</SmallLabel>
                    <Money micros={row.billedMicros ?? 0n} />
                  </td>
                  <td className={`${td} text-right max-sm:text-left`}>
                    <SmallLabel>Written off</SmallLabel>
                    <Money micros={row.writtenOffMicros ?? 0n} />
                  </td>
                </>
              ) : null}
              <td className={`${td} text-right font-semibold max-sm:text-left`}>
                <SmallLabel>Credit</SmallLabel>
                <span data-testid="incident-credit-amount">
                  <Money micros={row.creditMicros} />
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
