import { PageSkeleton } from "@/components/account/skeleton";

export default function Loading() {
  return <PageSkeleton label="your account" panels={4} />;
}
