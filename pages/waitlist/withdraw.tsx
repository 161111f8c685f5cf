// GET /waitlist/withdraw?token=… – the link in the waitlist confirmation email. Opening it changes nothing
// (mail scanners open links); the button does: POST /waitlist/withdraw takes the entry off the list and
// answers 303 to /waitlist/withdrawn. Rendered per request (the token is checked), no JavaScript.
import type { GetServerSideProps } from "next";
import Link from "next/link";
import { AuthPanel } from "@/components/auth/auth-panel";
import { StaticPage, type SiteProps } from "@/components/site/static-page";
import { WAITLIST_PANEL_META } from "@/components/waitlist/waitlist-panel-meta";
import { WithdrawForm } from "@/components/waitlist/withdraw-form";
import type { ActionState } from "@/lib/actions/action-state";
import { toWebRequest } from "@/lib/http/to-web-request";
import { siteProps } from "@/lib/site/site-props";
import { waitlistPageCall } from "@/lib/waitlist/waitlist-page-call";

// No React runtime in the browser (Next reads `unstable_runtimeJS` only in production builds).
export const config = { runtime: "nodejs", unstable_runtimeJS: false };

type Props = SiteProps & ({ isLive: true; token: string; state: ActionState | null } | { isLive: false });

export const getServerSideProps: GetServerSideProps<Props> = async ({ req, res, query }) => {
  const calls = waitlistPageCall.get();
  if (req.method === "POST") {
    const result = await calls.withdrawFromWaitlist(toWebRequest(req));
    if (result.kind === "redirect") return { redirect: { destination: result.location, statusCode: 303 } };
    res.statusCode = result.status;
    // A token that is not a token, or one already used or decided: the same page as opening a dead link.
    if (result.state.code === "not_found" || result.state.code === "validation_failed") return { props: { ...(await siteProps()), isLive: false } };
    return { props: { ...(await siteProps()), isLive: true, token: result.values.token ?? "", state: result.state } };
  }
  const token = query.token;
  const isLive = typeof token === "string" && token.length <= 100 && (await calls.isWithdrawLinkLive(token));
  return { props: isLive ? { ...(await siteProps()), isLive, token, state: null } : { ...(await siteProps()), isLive: false } };
};

export default function WithdrawPage(props: Props) {
  const { appUrl, isDemo, isIndexable } = props;
  const meta = { ...WAITLIST_PANEL_META, title: "Leave the waitlist · Tandem", path: "/waitlist/withdraw" };
  return (
    <StaticPage appUrl={appUrl} isDemo={isDemo} isIndexable={isIndexable} meta={meta}>
      {props.isLive ? (
        <AuthPanel eyebrow="Waitlist" title="Leave the waitlist?" lead="We will not invite this address, and you can join again at any time.">
          <WithdrawForm token={props.token} state={props.state ?? undefined} />
        </AuthPanel>
      ) : (
        <AuthPanel eyebrow="Waitlist" title="This link no longer works" lead="The request was already withdrawn, or it has been decided.">
          <Link href="/waitlist" className="inline-block text-sm font-semibold text-brand hover:text-brand-strong">
            Go to the waitlist
          </Link>
        </AuthPanel>
      )}
    </StaticPage>
  );
}
