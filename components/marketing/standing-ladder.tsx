const states = [
  { name: "Active", when: "above $5", what: "Everything runs.", tone: "border-accent" },
  { name: "Low", when: "below $5", what: "We email you once, with a top-up link.", tone: "border-warn" },
  { name: "Grace", when: "$0 or less", what: "Still running, down to a -$5 floor.", tone: "border-warn" },
  {
    name: "Frozen",
    when: "at -$5",
    what: "Read-only. Nothing deleted. Top up to resume at once.",
    tone: "border-danger",
  },
];

/** The four account states, as the billing design defines them (defaults shown). */
export function StandingLadder() {
  return (
    <ol className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {states.map((state, index) => (
        <li key={state.name} className={`border-line rounded-xl border border-t-4 ${state.tone} bg-paper p-5`}>
          <p className="flex items-baseline justify-between gap-2">
            <span className="font-semibold">
              <span className="sr-only">Step {index + 1}: </span>
              {state.name}
            </span>
            <span className="text-ink-soft font-mono text-xs">{state.when}</span>
          </p>
          <p className="text-ink-soft mt-2 text-sm leading-6">{state.what}</p>
        </li>
      ))}
    </ol>
  );
}
