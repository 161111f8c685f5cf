import Link from "next/link";
import type { FormAction } from "@/lib/actions/action-state";
import type { Welcome } from "@/lib/account/get-welcome";
import { describeHours } from "@/lib/account/welcome-examples";
import { ActionButton } from "@/components/ui/action-button";
import { Money } from "@/components/ui/money";

type WelcomePanelProps = { welcome: Welcome; docsUrl: string; dismiss: FormAction };

const linkClass = "font-semibold text-brand underline hover:text-brand-strong";

/**
 * A new account's first screen: what the welcome credit buys (the pricing page's example apps on the
 * rate card in force), how to deploy a first space, and where its usage will show. It goes once usage
 * arrives, or when dismissed (stored on the server: lib/account/dismiss-welcome.ts).
 */
export function WelcomePanel({ welcome, docsUrl, dismiss }: WelcomePanelProps) {
  return (
    <section aria-labelledby="welcome-heading" data-testid="welcome-panel" className="rounded-2xl border border-brand/30 bg-paper p-5 sm:p-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="welcome-heading" className="text-lg font-semibold">
            Welcome to Tandem
          </h2>
          <p className="mt-1 text-sm leading-6 text-ink-soft">
            {welcome.grantMicros > 0n ? (
              <>
                Your account starts with <Money micros={welcome.grantMicros} /> of welcome credit. Here is what it runs, priced on
                today&apos;s rate card:
              </>
            ) : (
              "Three steps from here to your first app running on Tandem."
            )}
          </p>
        </div>
        <ActionButton action={dismiss} label="Dismiss" pendingLabel="Dismissing…" ariaLabel="Dismiss the welcome panel" />
      </div>
      {welcome.examples.length > 0 ? (
        <ul className="mt-4 grid gap-3 sm:grid-cols-3" data-testid="welcome-examples">
          {welcome.examples.map((example) => (
            <li key={example.name} className="rounded-xl border border-line bg-paper-soft p-4">
              <p className="text-sm font-semibold">{example.name}</p>
              <p className="mt-1 text-2xl font-bold tracking-tight">{describeHours(example.hours)}</p>
              <p className="mt-1 text-xs leading-5 text-ink-soft">
                <Money micros={example.monthlyMicros} /> a month. {example.description}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      <ol className="mt-5 grid gap-3 text-sm leading-6 sm:grid-cols-2">
        <li>
          <span className="font-semibold">Deploy your first space.</span> A space is one app. Follow the{" "}
          <a href={docsUrl} className={linkClass}>
            quick start in the docs
          </a>{" "}
          with this account&apos;s id; the space appears here with its first hour of usage.
        </li>
        <li>
          <span className="font-semibold">Watch it on your account.</span> Usage shows within a second of your app reporting it, on{" "}
          <Link href="/account/usage" className={linkClass}>
            Usage
          </Link>{" "}
          and{" "}
          <Link href="/account/spaces" className={linkClass}>
            Spaces
          </Link>
          ; every charge is on your{" "}
          <Link href="/account/statement" className={linkClass}>
            Statement
          </Link>
          .
        </li>
      </ol>
    </section>
  );
}
