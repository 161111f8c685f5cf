import type { FormAction } from "@/lib/actions/action-state";
import type { BillingDetails } from "@/lib/billing-details/billing-details";
import { countryName, taxIdLabel } from "@/lib/billing-details/billing-details-options";
import { BillingDetailsForm, type BillingDetailsDefaults } from "./billing-details-form";

function defaultsOf(details: BillingDetails): BillingDetailsDefaults {
  const saved = details.status === "saved" ? details : undefined;
  const taxId = saved?.taxIds[0];
  return {
    companyName: saved?.name ?? "",
    line1: saved?.address?.line1 ?? "",
    line2: saved?.address?.line2 ?? "",
    city: saved?.address?.city ?? "",
    postalCode: saved?.address?.postalCode ?? "",
    country: saved?.address?.country ?? "",
    taxIdType: taxId?.type ?? "",
    taxIdValue: taxId?.value ?? "",
  };
}

function SavedDetails({ details }: { details: Extract<BillingDetails, { status: "saved" }> }) {
  const { name, address, taxIds } = details;
  if (!name && !address && taxIds.length === 0) return <p className="text-sm text-ink-soft">None yet. Added at your first payment, or add them now.</p>;
  return (
    <dl className="grid gap-3 text-sm sm:grid-cols-3" data-testid="billing-details">
      <div>
        <dt className="text-xs font-semibold text-ink-soft">Name</dt>
        <dd className="mt-0.5 break-words">{name ?? "—"}</dd>
      </div>
      <div>
        <dt className="text-xs font-semibold text-ink-soft">Address</dt>
        <dd className="mt-0.5 break-words">
          {address ? (
            <>
              {[address.line1, address.line2].filter(Boolean).join(", ")}
              <br />
              {[address.postalCode, address.city].filter(Boolean).join(" ")}
              {address.country ? <>, {countryName(address.country)}</> : null}
            </>
          ) : (
            "—"
          )}
        </dd>
      </div>
      <div>
        <dt className="text-xs font-semibold text-ink-soft">Tax ID</dt>
        <dd className="mt-0.5 break-words">
          {taxIds.length === 0
            ? "—"
            : taxIds.map((taxId) => (
                <span key={taxId.id} className="block">
                  {taxId.value} <span className="text-xs text-ink-soft">({taxIdLabel(taxId.type)})</span>
                </span>
              ))}
        </dd>
      </div>
    </dl>
  );
}

/**
 * The billing details on every invoice, as Stripe holds them for this account, and the form to change
 * them (inside a disclosure: most visits only read them).
 */
export function BillingDetailsPanel({ details, action }: { details: BillingDetails; action: FormAction }) {
  return (
    <section aria-labelledby="billing-details-heading" className="space-y-4 rounded-2xl border border-line bg-paper p-6">
      <div>
        <h2 id="billing-details-heading" className="text-base font-semibold">Billing details</h2>
        <p className="mt-1 text-sm text-ink-soft">Your company name, address and tax ID, shown on every invoice.</p>
      </div>
      {details.status === "unavailable" ? (
        <p className="text-sm text-ink-soft" role="status">
          We could not load your billing details just now. Reload the page in a moment to see or change them.
        </p>
      ) : (
        <>
          {details.status === "none" ? (
            <p className="text-sm text-ink-soft">None yet. Added at your first payment, or add them now.</p>
          ) : (
            <SavedDetails details={details} />
          )}
          <details className="group rounded-lg border border-line">
            <summary className="cursor-pointer rounded-lg px-4 py-2.5 text-sm font-semibold text-brand focus-visible:ring-2 focus-visible:ring-brand/40 focus-visible:outline-none">
              {details.status === "saved" ? "Change billing details" : "Add billing details"}
            </summary>
            <div className="border-t border-line p-4">
              <BillingDetailsForm action={action} defaults={defaultsOf(details)} />
            </div>
          </details>
        </>
      )}
    </section>
  );
}
