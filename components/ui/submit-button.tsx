const base =
  "rounded-lg bg-brand px-4 py-2.5 text-sm font-semibold text-on-brand hover:bg-brand-strong disabled:cursor-wait disabled:opacity-60";

/** A form's main button; shows `pendingLabel` while its action runs. */
export function SubmitButton({ label, pendingLabel, isPending, className = "w-full" }: { label: string; pendingLabel: string; isPending: boolean; className?: string }) {
  return (
    <button type="submit" disabled={isPending} className={`${base} ${className}`}>
      {isPending ? pendingLabel : label}
    </button>
  );
}
