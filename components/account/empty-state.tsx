import type { ReactNode } from "react";

/** What a brand-new account sees where data will appear: what goes here and how it gets here. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-xl border border-dashed border-line bg-paper-soft px-5 py-8 text-center" data-testid="empty-state">
      <p className="font-semibold">{title}</p>
      {children ? <div className="mx-auto mt-2 max-w-md text-sm leading-6 text-ink-soft">{children}</div> : null}
    </div>
  );
}
