import { LegalPage, legalMetadata } from "@/components/marketing/legal-page";

export const metadata = legalMetadata("acceptable-use");

export default function AcceptableUsePage() {
  return <LegalPage slug="acceptable-use" />;
}
