import { Fact } from "@/components/ui/fact";
import { formatLongDate } from "./formats";

type AccountFactsProps = {
  accountId: string;
  createdAt: Date;
  /** The list's own margin: each panel spaces it to its layout. */
  margin: "mt-5" | "mt-6";
  /** The id's classes: the overview's narrower panel lets it break anywhere. */
  idClassName: "mt-0.5 font-mono" | "mt-0.5 font-mono break-all";
  /** The zone the person reads dates in. */
  timeZone: string;
};

/** The billing account's id and the day it was opened, under the balance (overview and billing pages). */
export function AccountFacts({ accountId, createdAt, margin, idClassName, timeZone }: AccountFactsProps) {
  return (
    <dl className={`${margin} grid gap-4 border-t border-line pt-4 text-sm sm:grid-cols-2`}>
      <Fact term="Billing account" className={idClassName} testId="billing-account-id">
        {accountId}
      </Fact>
      <Fact term="Opened" className="mt-0.5">
        {formatLongDate(createdAt, timeZone)}
      </Fact>
    </dl>
  );
}
