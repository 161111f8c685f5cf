// POST /waitlist/join – the waitlist form, posted without JavaScript: joins and answers 303 to
// /waitlist/joined (post/redirect/get), or shows the form again with its errors and what was typed, with
// the error table's status (400 invalid, 403 another site's post or a closed waitlist, 413 over 16 kB,
// 429 too many). GET /waitlist/join – back to the form.
import type { GetServerSideProps } from "next";
import { StaticPage, type SiteProps } from "@/components/site/static-page";
import { WAITLIST_META, WaitlistContent } from "@/components/waitlist/waitlist-content";
import type { ActionState } from "@/lib/actions/action-state";
import { toWebRequest } from "@/lib/http/to-web-request";
import { siteProps } from "@/lib/site/site-props";
import { waitlistPageCall } from "@/lib/waitlist/waitlist-page-call";

// No React runtime in the browser (Next reads `unstable_runtimeJS` only in production builds).
export const config = { runtime: "nodejs", unstable_runtimeJS: false };

type Props = SiteProps & { state: ActionState; values: Record<string, string> };

export const getServerSideProps: GetServerSideProps<Props> = async ({ req, res }) => {
  if (req.method !== "POST") return { redirect: { destination: "/waitlist", permanent: false } };
  const result = await waitlistPageCall.get().joinWaitlist(toWebRequest(req));
  if (result.kind === "redirect") return { redirect: { destination: result.location, statusCode: 303 } };
  res.statusCode = result.status;
  if (result.state.retryAfterSeconds !== undefined) res.setHeader("Retry-After", String(result.state.retryAfterSeconds));
  const { email = "", building = "", link = "" } = result.values;
  return { props: { ...(await siteProps()), state: result.state, values: { email, building, link } } };
};

export default function WaitlistJoinPage({ state, values, ...site }: Props) {
  return (
    <StaticPage {...site} meta={WAITLIST_META}>
      <WaitlistContent isClosed={false} state={state} values={values} />
    </StaticPage>
  );
}
