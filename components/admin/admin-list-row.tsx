import type { ReactNode } from "react";

/** A row of an admin list: its name with badges, a line of details below (and `more` under it), and the row's action. */
export function AdminListRow({ heading, details, action, testId, more }: { heading: ReactNode; details: ReactNode; action: ReactNode; testId?: string; more?: ReactNode }) {
  return (
    <li className="flex flex-col gap-3 px-6 py-4 sm:flex-row sm:items-center sm:justify-between" data-testid={testId}>
      <div className="min-w-0">
        <p className="flex flex-wrap items-center gap-2">{heading}</p>
        <p className="mt-1 text-sm text-ink-soft">{details}</p>
        {more}
      </div>
      {action}
    </li>
  );
}
