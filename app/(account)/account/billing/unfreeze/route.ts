// GET /account/billing/unfreeze – "Pay $X to unfreeze" from the frozen notice and the frozen email: a 303 to Checkout.
import { getDb } from "@/lib/db/client";
import { getEnv } from "@/lib/env";
import { withRoute } from "@/lib/http/with-route";
import { createUnfreezeCheckout } from "@/lib/payments/create-unfreeze-checkout";
import { getCurrentSession } from "@/lib/session/get-current-session";

export const dynamic = "force-dynamic";

const PATH = "/account/billing/unfreeze";

function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { location, "cache-control": "private, no-store" } });
}

// A GET because it is a link (an email cannot post a form): it only creates a Checkout session, which
// charges nothing by itself, and createUnfreezeCheckout rate-limits it per account. Someone signed out
// signs in and comes back here; an account that is no longer frozen lands on its billing page.
export const GET = withRoute(PATH, async () => {
  const { appUrl } = getEnv();
  const session = await getCurrentSession();
  if (!session) return seeOther(`${appUrl}/sign-in?${new URLSearchParams({ callbackUrl: PATH })}`);
  const checkout = await createUnfreezeCheckout(getDb(), { userId: session.user.id });
  return seeOther(checkout.kind === "checkout" ? checkout.url : `${appUrl}/account/billing`);
});
