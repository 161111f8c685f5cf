/** The hero's picture: a shared document with two people's cursors and the hour's metered cost. */
export function LiveDemoCard() {
  return (
    <div aria-hidden="true" className="relative rounded-2xl border border-line bg-paper p-5 shadow-xl shadow-brand/10">
      <div className="flex items-center justify-between border-b border-line pb-3">
        <p className="font-mono text-xs text-ink-soft">space: whiteboard · doc: sprint-plan</p>
        <p className="flex items-center gap-1.5 text-xs font-semibold text-accent">
          <span className="h-2 w-2 rounded-full bg-accent" /> 2 live
        </p>
      </div>
      <div className="relative mt-4 space-y-3">
        <div className="h-3 w-3/4 rounded bg-line" />
        <div className="h-3 w-5/6 rounded bg-line" />
        <div className="relative h-3 w-2/3 rounded bg-brand-soft">
          <span className="absolute -top-1 left-1/2 h-5 w-0.5 bg-brand" />
          <span className="absolute -top-6 left-1/2 rounded bg-brand px-1.5 py-0.5 text-[10px] font-semibold text-on-brand">Ana</span>
        </div>
        <div className="h-3 w-1/2 rounded bg-line" />
        <div className="relative h-3 w-4/5 rounded bg-accent-soft">
          <span className="absolute -top-1 left-1/4 h-5 w-0.5 bg-accent" />
          <span className="absolute top-4 left-1/4 rounded bg-accent px-1.5 py-0.5 text-[10px] font-semibold text-paper">Sam</span>
        </div>
      </div>
      <dl className="mt-10 grid grid-cols-3 gap-2 rounded-xl bg-paper-soft p-3 text-center font-mono text-xs">
        <div>
          <dt className="text-ink-soft">messages</dt>
          <dd className="mt-1 font-semibold">18,240</dd>
        </div>
        <div>
          <dt className="text-ink-soft">cpu</dt>
          <dd className="mt-1 font-semibold">41 s</dd>
        </div>
        <div>
          <dt className="text-ink-soft">this hour</dt>
          <dd className="mt-1 font-semibold text-accent">$0.0118</dd>
        </div>
      </dl>
    </div>
  );
}
