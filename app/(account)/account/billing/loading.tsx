import { PageSkeleton } from "@/components/account/skeleton";

export default function Loading() {
  return <PageSkeleton label="billing" panels={3} />;
}
