// Two people's cursors, each on its own line of the document; every class is spelled out here so that
// Tailwind (which reads the source, styles/landing.css) finds it.
const cursors = {
  ana: {
    name: "Ana",
    line: "bg-brand-soft relative h-3 w-2/3 rounded",
    caret: "bg-brand absolute -top-1 left-1/2 h-5 w-0.5",
    tag: "bg-brand text-on-brand absolute -top-6 left-1/2",
  },
  sam: {
    name: "Sam",
    line: "bg-accent-soft relative h-3 w-4/5 rounded",
    caret: "bg-accent absolute -top-1 left-1/4 h-5 w-0.5",
    tag: "bg-accent text-paper absolute top-4 left-1/4",
  },
};

function CursorLine({ cursor }: { cursor: (typeof cursors)[keyof typeof cursors] }) {
  return (
    <div className={cursor.line}>
      <span className={cursor.caret} />
      <span className={`${cursor.tag} rounded px-1.5 py-0.5 text-[10px] font-semibold`}>{cursor.name}</span>
    </div>
  );
}

/** The hero's picture: a shared document with two people's cursors and the hour's metered cost. */
export function LiveDemoCard() {
  return (
    <div aria-hidden="true" className="border-line bg-paper shadow-brand/10 relative rounded-2xl border p-5 shadow-xl">
      <div className="border-line flex items-center justify-between border-b pb-3">
        <p className="text-ink-soft font-mono text-xs">space: whiteboard · doc: sprint-plan</p>
        <p className="text-accent flex items-center gap-1.5 text-xs font-semibold">
          <span className="bg-accent h-2 w-2 rounded-full" /> 2 live
        </p>
      </div>
      <div className="relative mt-4 space-y-3">
        <div className="bg-line h-3 w-3/4 rounded" />
        <div className="bg-line h-3 w-5/6 rounded" />
        <CursorLine cursor={cursors.ana} />
        <div className="bg-line h-3 w-1/2 rounded" />
        <CursorLine cursor={cursors.sam} />
      </div>
      <dl className="bg-paper-soft mt-10 grid grid-cols-3 gap-2 rounded-xl p-3 text-center font-mono text-xs">
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
          <dd className="text-accent mt-1 font-semibold">$0.0118</dd>
        </div>
      </dl>
    </div>
  );
}
