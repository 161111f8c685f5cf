import { PageSkeleton } from "@/components/account/skeleton";

export default function Loading() {
  return <PageSkeleton label="usage" panels={3} />;
}
