import type { ReactNode } from "react";

/** Title and one-line purpose of an admin page. */
export function AdminPageHeader({ title, lead, children }: { title: string; lead: string; children?: ReactNode }) {
  return (
    <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
        <p className="mt-1 text-sm text-ink-soft">{lead}</p>
      </div>
      {children}
    </div>
  );
}
