import type { ReactNode } from "react";

/** One term and its value in a `<dl>` of figures (a balance, an amount, an account id). */
export function Fact({ term, className, testId, children }: { term: ReactNode; className: string; testId?: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-ink-soft">{term}</dt>
      <dd className={className} data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}
