import Link from "next/link";

const points = [
  {
    title: "Built for live state",
    body: "Documents, multiplayer games and shared cursors: connections and messages are first-class, not an afterthought.",
  },
  {
    title: "Pay for what runs",
    body: "CPU, memory, connections, messages, storage and bandwidth, metered per app per hour. No seats, no tiers.",
  },
  {
    title: "Prepaid, so no surprises",
    body: "You top up credit and set a floor. When it runs out your apps pause read-only; nothing is deleted, no bill arrives.",
  },
];

export default function HomePage() {
  return (
    <>
      <section className="mx-auto max-w-6xl px-4 pt-16 pb-12 sm:px-6 sm:pt-24">
        <p className="text-sm font-semibold tracking-wide text-accent uppercase">Limited preview</p>
        <h1 className="mt-3 max-w-3xl text-4xl font-bold tracking-tight text-balance sm:text-5xl">
          The backend for real-time apps, billed by the hour you actually use.
        </h1>
        <p className="mt-5 max-w-2xl text-lg text-ink-soft">
          Tandem hosts the state, sync and connections behind collaborative apps and games, so an indie developer
          can ship the fun part. Prepaid credit keeps every bill predictable.
        </p>
        <div className="mt-8 flex flex-wrap gap-3">
          <Link href="/waitlist" className="rounded-lg bg-brand px-5 py-2.5 text-sm font-semibold text-white hover:bg-brand-strong">
            Join the waitlist
          </Link>
          <Link href="/invite" className="rounded-lg border border-line px-5 py-2.5 text-sm font-semibold hover:border-brand hover:text-brand">
            I have an invite code
          </Link>
        </div>
      </section>
      <section aria-label="Why Tandem" className="border-t border-line bg-paper-soft">
        <ul className="mx-auto grid max-w-6xl gap-6 px-4 py-12 sm:grid-cols-3 sm:px-6">
          {points.map((point) => (
            <li key={point.title} className="rounded-xl border border-line bg-paper p-6">
              <h2 className="text-base font-semibold">{point.title}</h2>
              <p className="mt-2 text-sm leading-6 text-ink-soft">{point.body}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
