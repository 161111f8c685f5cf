/** A page's shape while its data loads: headings and panels as pulsing blocks, announced once. */
export function PageSkeleton({ panels = 3, label }: { panels?: number; label: string }) {
  return (
    <div className="mx-auto w-full max-w-5xl px-4 py-8 sm:px-6 sm:py-12" aria-busy="true">
      <p className="sr-only" role="status">
        Loading {label}…
      </p>
      <div className="h-9 w-48 animate-pulse rounded-lg bg-line" />
      <div className="mt-3 h-5 w-72 max-w-full animate-pulse rounded bg-line" />
      <div className="mt-8 grid gap-6 sm:grid-cols-2">
        {Array.from({ length: panels }, (_, index) => (
          <div key={index} className={`h-40 animate-pulse rounded-2xl border border-line bg-paper ${index === 0 ? "sm:col-span-2" : ""}`} />
        ))}
      </div>
    </div>
  );
}
