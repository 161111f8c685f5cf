import Link from "next/link";
import { CtaLinks } from "@/components/marketing/cta-links";
import { LiveDemoCard } from "@/components/marketing/live-demo-card";
import { StandingLadder } from "@/components/marketing/standing-ladder";

const uses = [
  {
    title: "Live documents",
    body: "Rich text, whiteboards and spreadsheets that many people edit at once. Tandem holds each document in memory, merges edits and persists snapshots.",
  },
  {
    title: "Multiplayer games",
    body: "Turn-based or real-time: rooms, presence and authoritative state, with your rules running next to the data instead of in every client.",
  },
  {
    title: "Collaborative state",
    body: "Cursors, selections, shared to-do lists, live dashboards: any state that has to look the same on every screen, within milliseconds.",
  },
];

const audience = [
  "You ship on your own or with a small team, and you would rather write the fun part than run WebSocket servers.",
  "Your app has a few users today and might have thousands next month, and you want to pay for exactly that.",
  "You want to know the worst case before you launch, not after the invoice.",
];

const billingSteps = [
  { title: "Prepay what you want", body: "Top up from $5. New accounts start with $5 of credit." },
  {
    title: "Usage is charged hourly",
    body: "Each space is metered every hour and charged at public prices, to the micro-dollar.",
  },
  {
    title: "A floor, not a debt",
    body: "When credit runs out, spaces pause read-only. Nothing is deleted, no invoice follows.",
  },
];

/** The home page's content (pages/index.tsx): what Tandem is, who it is for, how prepaid billing works. */
export function HomeContent() {
  return (
    <>
      <section className="mx-auto grid max-w-6xl items-center gap-12 px-4 pt-14 pb-16 sm:px-6 sm:pt-20 lg:grid-cols-[1.15fr_1fr]">
        <div>
          <p className="text-accent text-sm font-semibold tracking-wide uppercase">Limited preview</p>
          <h1 className="sm:text-display mt-3 text-4xl leading-tight font-bold tracking-tight text-balance">
            The backend for real-time apps, billed by the hour you use.
          </h1>
          <p className="text-ink-soft mt-6 max-w-xl text-lg leading-8">
            Tandem hosts the state, sync and connections behind collaborative apps and games, so you can ship the part
            your users see. Prepaid credit keeps every month predictable.
          </p>
          <div className="mt-8">
            <CtaLinks />
          </div>
        </div>
        <LiveDemoCard />
      </section>

      <section aria-labelledby="uses" className="border-line bg-paper-soft render-when-near border-t">
        <div className="mx-auto max-w-6xl px-4 py-16 sm:px-6">
          <h2 id="uses" className="text-2xl font-bold tracking-tight sm:text-3xl">
            What it is
          </h2>
          <p className="text-ink-soft mt-3 max-w-2xl">
            A hosted backend for apps where people work and play together in real time. You deploy a <em>space</em>;
            Tandem runs it.
          </p>
          <ul className="mt-8 grid gap-5 md:grid-cols-3">
            {uses.map((use) => (
              <li key={use.title} className="border-line bg-paper rounded-xl border p-6">
                <h3 className="font-semibold">{use.title}</h3>
                <p className="text-ink-soft mt-2 text-sm leading-6">{use.body}</p>
              </li>
            ))}
          </ul>
        </div>
      </section>

      <section
        aria-labelledby="audience"
        className="render-when-near mx-auto grid max-w-6xl gap-10 px-4 py-16 sm:px-6 md:grid-cols-2"
      >
        <div>
          <h2 id="audience" className="text-2xl font-bold tracking-tight sm:text-3xl">
            Who it is for
          </h2>
          <p className="text-ink-soft mt-3">Indie developers and small teams building something multiplayer.</p>
        </div>
        <ul className="space-y-4">
          {audience.map((line) => (
            <li key={line} className="flex gap-3 leading-7">
              <span aria-hidden="true" className="bg-brand mt-2.5 h-2 w-2 shrink-0 rounded-full" />
              {line}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="wallet" className="border-line bg-paper-soft render-when-near border-y">
        <div className="mx-auto max-w-6xl px-4 py-16 sm:px-6">
          <h2 id="wallet" className="text-2xl font-bold tracking-tight sm:text-3xl">
            Prepaid billing protects your wallet
          </h2>
          <p className="text-ink-soft mt-3 max-w-2xl">
            A runaway loop or a sudden crowd cannot run up a bill you did not agree to. You decide how much credit to
            put in; the worst case is a paused app.
          </p>
          <ol className="mt-8 grid gap-5 md:grid-cols-3">
            {billingSteps.map((step, index) => (
              <li key={step.title} className="flex gap-4">
                <span
                  aria-hidden="true"
                  className="bg-brand text-on-brand flex h-8 w-8 shrink-0 items-center justify-center rounded-full text-sm font-bold"
                >
                  {index + 1}
                </span>
                <div>
                  <h3 className="font-semibold">{step.title}</h3>
                  <p className="text-ink-soft mt-1 text-sm leading-6">{step.body}</p>
                </div>
              </li>
            ))}
          </ol>
          <h3 className="text-ink-soft mt-12 text-sm font-semibold tracking-wide uppercase">
            What happens as your balance falls
          </h3>
          <div className="mt-4">
            <StandingLadder />
          </div>
          <p className="text-ink-soft mt-6 text-sm">
            See the{" "}
            <Link href="/pricing" className="text-brand font-semibold underline underline-offset-4">
              prices and a cost calculator
            </Link>
            , or read{" "}
            <Link href="/blog/how-billing-works" className="text-brand font-semibold underline underline-offset-4">
              how billing works
            </Link>
            .
          </p>
        </div>
      </section>

      <section aria-labelledby="join" className="render-when-near mx-auto max-w-6xl px-4 py-20 sm:px-6">
        <h2 id="join" className="max-w-2xl text-2xl font-bold tracking-tight text-balance sm:text-3xl">
          We are inviting builders a few at a time.
        </h2>
        <p className="text-ink-soft mt-3 max-w-2xl">Tell us what you are making. Invitations come with $5 of credit.</p>
        <div className="mt-8">
          <CtaLinks />
        </div>
      </section>
    </>
  );
}
