import type { ReactNode } from "react";

type AuthPanelProps = { eyebrow?: string; title: string; lead?: ReactNode; children?: ReactNode };

/** The card every sign-in page sits in. */
export function AuthPanel({ eyebrow, title, lead, children }: AuthPanelProps) {
  return (
    <div className="mx-auto w-full max-w-md px-4 py-12 sm:py-20">
      <div className="rounded-2xl border border-line bg-paper p-6 shadow-sm sm:p-8">
        {eyebrow ? <p className="text-sm font-semibold tracking-wide text-accent uppercase">{eyebrow}</p> : null}
        <h1 className="mt-2 text-2xl font-bold tracking-tight text-balance">{title}</h1>
        {lead ? <div className="mt-3 text-sm leading-6 text-ink-soft">{lead}</div> : null}
        <div className="mt-6 space-y-6">{children}</div>
      </div>
    </div>
  );
}
