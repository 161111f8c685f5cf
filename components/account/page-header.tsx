import type { ReactNode } from "react";

/** The heading block every account page starts with. */
export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
        {description ? <p className="mt-2 text-ink-soft">{description}</p> : null}
      </div>
      {actions ? <div className="flex shrink-0 flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}

/** The width and padding of an account page's content. */
export function AccountPage({ children }: { children: ReactNode }) {
  return <div className="mx-auto w-full max-w-5xl px-4 py-8 sm:px-6 sm:py-12">{children}</div>;
}

/** A bordered panel with a heading, the area's basic building block. */
export function Panel({ id, title, children, actions }: { id: string; title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-2xl border border-line bg-paper p-5 sm:p-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id={id} className="text-base font-semibold">
          {title}
        </h2>
        {actions}
      </div>
      <div className="mt-4">{children}</div>
    </section>
  );
}

export const buttonClass = {
  primary: "inline-flex items-center justify-center rounded-lg bg-brand px-4 py-2 text-sm font-semibold text-paper hover:bg-brand-strong",
  secondary: "inline-flex items-center justify-center rounded-lg border border-line bg-paper px-4 py-2 text-sm font-semibold hover:border-brand hover:text-brand",
} as const;
