import { PageSkeleton } from "@/components/account/skeleton";

export default function Loading() {
  return <PageSkeleton label="your invitations" panels={2} />;
}
