import { ActionButton } from "@/components/ui/action-button";
import { Notice } from "@/components/ui/notice";
import type { FormAction } from "@/lib/actions/action-state";
import { Money } from "@/components/ui/money";
import { formatCents } from "@/lib/format/money";
import type { AutoRechargeState } from "@/lib/payments/auto-recharge-settings";
import type { AutoRechargeRow } from "@/lib/payments/list-auto-recharges";
import type { SavedCard } from "@/lib/payments/saved-card";
import { formatDate } from "@/components/account/formats";
import { AutoRechargeForm } from "./auto-recharge-form";

type Actions = { saveCard: FormAction; openPortal: FormAction; save: FormAction; resume: FormAction };

const PAUSE_REASON: Record<string, string> = {
  card_declined: "your card was declined",
  authentication_required: "your bank asked to confirm the payment, which needs you to be there",
  no_card: "there was no saved card",
  billing_address_missing: "tax is worked out from your billing address, and there was none",
};

const ROW_STATUS: Record<AutoRechargeRow["status"], string> = {
  pending: "Queued",
  charging: "Charging",
  succeeded: "Paid",
  failed: "Failed",
  skipped: "Skipped",
};

// A saved amount as the form's field shows it: "5", "4.50" (whole cents, never via a float).
const dollars = (micros: bigint) => formatCents(micros).replace(/[$,]/g, "").replace(/\.00$/, "");

function CardLine({ card }: { card: SavedCard | null | "unavailable" }) {
  if (card === "unavailable") return <p className="text-sm text-ink-soft">Your saved card could not be loaded just now.</p>;
  if (!card) return <p className="text-sm text-ink-soft">No saved card yet.</p>;
  const brand = card.brand.charAt(0).toUpperCase() + card.brand.slice(1);
  return (
    <p className="text-sm" data-testid="saved-card">
      <span className="font-semibold">{brand} ending in {card.last4}</span>
      <span className="text-ink-soft"> · expires {String(card.expMonth).padStart(2, "0")}/{card.expYear % 100}</span>
    </p>
  );
}

/** Saved card, Customer Portal link, auto-recharge settings and state, and recent recharges. */
export function AutoRechargePanel({ state, card, recharges, actions, timeZone }: { state: AutoRechargeState | null; card: SavedCard | null | "unavailable"; recharges: AutoRechargeRow[]; actions: Actions; timeZone: string }) {
  const defaults = {
    enabled: state?.enabled ?? false,
    threshold: state ? dollars(state.thresholdMicros) : "5",
    target: state ? dollars(state.targetMicros) : "25",
    monthlyCap: state ? dollars(state.monthlyCapMicros) : "100",
  };
  return (
    <section aria-labelledby="auto-recharge-heading" className="space-y-5 rounded-2xl border border-line bg-paper p-6">
      <div>
        <h2 id="auto-recharge-heading" className="text-base font-semibold">Card and auto-recharge</h2>
        <div className="mt-3 space-y-3">
          <CardLine card={card} />
          <div className="flex flex-col gap-2 sm:flex-row">
            <ActionButton action={actions.saveCard} label={card && card !== "unavailable" ? "Save another card" : "Save a card"} pendingLabel="Opening…" />
            <ActionButton action={actions.openPortal} label="Manage cards and receipts" pendingLabel="Opening…" />
          </div>
        </div>
      </div>
      {state?.needsAttention ? (
        <Notice tone="warn" title="Auto-recharge is paused">
          <p>
            The last recharge did not go through: {PAUSE_REASON[state.pausedReason ?? ""] ?? "the payment failed"}. Nothing more will be charged
            until you resume.
          </p>
          <div className="mt-3 flex flex-col gap-2 sm:flex-row sm:items-center">
            {state.recoveryUrl ? (
              <a href={state.recoveryUrl} className="rounded-lg bg-brand px-4 py-2 text-center text-sm font-semibold text-on-brand hover:bg-brand-strong">
                Pay now with a card
              </a>
            ) : null}
            <ActionButton action={actions.resume} label="Resume auto-recharge" pendingLabel="Resuming…" />
          </div>
        </Notice>
      ) : null}
      {state?.cappedUntil && !state.needsAttention ? (
        <Notice tone="warn" title="Monthly cap reached">
          Auto-recharge charged <Money micros={state.spentThisMonthMicros} /> this month, its cap. It starts again on {formatDate(state.cappedUntil, timeZone)}, or raise the
          cap below.
        </Notice>
      ) : null}
      {state?.enabled ? (
        <p className="text-sm text-ink-soft" data-testid="auto-recharge-status">
          {state.needsAttention ? "Paused" : state.inFlight ? "Recharging now" : "On"} · charged <Money micros={state.spentThisMonthMicros} /> of{" "}
          <Money micros={state.monthlyCapMicros} /> this month
        </p>
      ) : (
        <p className="text-sm text-ink-soft" data-testid="auto-recharge-status">
          Off
        </p>
      )}
      <AutoRechargeForm action={actions.save} defaults={defaults} hasCard={Boolean(card)} />
      {recharges.length > 0 ? (
        <div>
          <h3 className="text-sm font-semibold">Recent auto-recharges</h3>
          <ul className="mt-2 divide-y divide-line text-sm" data-testid="auto-recharges">
            {recharges.map((row) => (
              <li key={row.id} className="flex items-center gap-4 py-2">
                <span className="flex-1 tabular-nums">
                  {row.amountMicros === null ? "—" : <Money micros={row.amountMicros} />} <span className="text-xs text-ink-soft">{formatDate(row.createdAt, timeZone)}</span>
                </span>
                <span className="text-xs font-semibold">{ROW_STATUS[row.status]}</span>
                {row.receiptUrl ? (
                  <a href={row.receiptUrl} className="font-medium text-brand hover:underline" rel="noreferrer" target="_blank">
                    Receipt<span className="sr-only"> for this auto-recharge</span>
                  </a>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
