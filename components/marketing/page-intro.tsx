import type { ReactNode } from "react";

/** The opening of a marketing page: a small label, the page's one h1, and a lead paragraph. */
export function PageIntro({ eyebrow, title, children }: { eyebrow: string; title: string; children?: ReactNode }) {
  return (
    <div className="max-w-3xl">
      <p className="text-accent text-sm font-semibold tracking-wide uppercase">{eyebrow}</p>
      <h1 className="mt-3 text-4xl font-bold tracking-tight text-balance sm:text-5xl">{title}</h1>
      {children ? <div className="text-ink-soft mt-5 text-lg leading-8">{children}</div> : null}
    </div>
  );
}
