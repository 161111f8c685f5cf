/** Shown on every page in demo mode, so no one mistakes the emulator and mail catcher for the real thing. */
export function DemoBanner() {
  return (
    <div role="note" className="bg-amber-100 px-4 py-1.5 text-center text-sm font-medium text-amber-950">
      Demo: no real money or email. Payments go to a Stripe emulator and mail to a local catcher.
    </div>
  );
}
