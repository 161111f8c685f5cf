import Link from "next/link";
import { Notice } from "@/components/ui/notice";
import type { ActionState } from "@/lib/actions/action-state";
import { WaitlistForm } from "./waitlist-form";

const steps = [
  "Tell us what you are building. It takes a minute.",
  "We confirm by email; the same email lets you leave the list.",
  "When it is your turn, an invitation arrives with $5 of credit to start.",
];

type WaitlistContentProps = { isClosed: boolean; state?: ActionState; values?: Record<string, string> };

/** The body of /waitlist, and of /waitlist/join when a post is answered with the form again. */
export function WaitlistContent({ isClosed, state, values }: WaitlistContentProps) {
  return (
    <div className="mx-auto grid max-w-6xl gap-10 px-4 py-12 sm:px-6 sm:py-20 lg:grid-cols-[1fr_28rem] lg:gap-16">
      <section>
        <p className="text-sm font-semibold tracking-wide text-accent uppercase">Limited preview</p>
        <h1 className="mt-3 text-4xl font-bold tracking-tight text-balance">Join the Tandem waitlist</h1>
        <p className="mt-4 max-w-xl text-lg text-ink-soft">
          We are opening Tandem to indie developers a few at a time, so every app gets a fast, quiet platform
          while we grow it.
        </p>
        <ol className="mt-8 max-w-xl space-y-4">
          {steps.map((step, index) => (
            <li key={step} className="flex gap-4">
              <span aria-hidden="true" className="flex h-7 w-7 shrink-0 items-center justify-center rounded-full bg-brand-soft text-sm font-semibold text-brand">
                {index + 1}
              </span>
              <span className="pt-0.5 leading-6">{step}</span>
            </li>
          ))}
        </ol>
        <p className="mt-8 text-sm text-ink-soft">
          Have an invite code?{" "}
          <Link href="/invite" className="font-semibold text-brand hover:text-brand-strong">
            Redeem it
          </Link>
          . Already invited?{" "}
          <Link href="/sign-in" className="font-semibold text-brand hover:text-brand-strong">
            Sign in
          </Link>
          .
        </p>
      </section>
      <section aria-label="Waitlist form" className="h-fit rounded-2xl border border-line bg-paper p-6 shadow-sm sm:p-8">
        {isClosed ? (
          <Notice title="The waitlist is closed for now">
            Tandem is in a private preview and is not taking new requests. If you have an invite code, you can still redeem it.
          </Notice>
        ) : (
          <>
            <h2 className="text-lg font-semibold">Ask for access</h2>
            <p className="mt-1 mb-6 text-sm text-ink-soft">We only use your email to invite you.</p>
            <WaitlistForm state={state} values={values} />
          </>
        )}
      </section>
    </div>
  );
}

/** The <head> of /waitlist (and of /waitlist/join, which shows the same form). */
export const WAITLIST_META = {
  title: "Join the waitlist · Tandem",
  description: "Ask for access to Tandem, the hosted backend for real-time apps. We invite builders a few at a time.",
  path: "/waitlist",
  image: { path: "/opengraph-image", alt: "Tandem: the backend for real-time apps, billed by what you use" },
};
