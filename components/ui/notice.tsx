import type { ReactNode } from "react";

const tones = {
  info: "border-brand/30 bg-brand-soft text-ink",
  success: "border-accent/40 bg-accent/10 text-ink",
  warn: "border-warn/40 bg-warn/10 text-ink",
  // Something has stopped (a frozen account), not merely a warning: the danger colour, not amber.
  danger: "border-danger/50 bg-danger/10 text-ink",
} as const;

/** A short message above a form: a result, a warning, a reason something did not work. */
export function Notice({ tone = "info", title, children }: { tone?: keyof typeof tones; title?: string; children?: ReactNode }) {
  return (
    <div role={tone === "warn" || tone === "danger" ? "alert" : "status"} className={`rounded-lg border px-4 py-3 text-sm leading-6 ${tones[tone]}`}>
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={title ? "mt-1 text-ink-soft" : undefined}>{children}</div> : null}
    </div>
  );
}
