import { signOutAction } from "@/app/(account)/account/actions";
import { NotFoundContent } from "@/components/site/not-found-content";
import { SessionSiteHeader } from "@/components/site/session-site-header";

export default function NotFound() {
  return <NotFoundContent header={<SessionSiteHeader variant="marketing" signOut={signOutAction} />} />;
}
