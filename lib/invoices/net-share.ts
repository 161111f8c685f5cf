/** Micro-dollars per cent. */
const MICROS_PER_CENT = 10_000n;

/** The amounts of an invoice that decide how much of a payment back was credit: cents, as Stripe reports them. */
export type InvoiceShares = { subtotalCents: bigint; totalCents: bigint };

/**
 * The credit share of `cents` paid back on an invoice, in micro-dollars: cents × net ÷ total, rounded
 * down. Tax was never credit, so it is never reversed as credit; without tax (net = total) this is the
 * cents themselves. Rounded down so a partial refund never takes back more credit than it paid for.
 */
export function netShareMicros(cents: bigint, invoice: InvoiceShares): bigint {
  if (invoice.totalCents <= 0n || invoice.subtotalCents === invoice.totalCents) return cents * MICROS_PER_CENT;
  return (cents * invoice.subtotalCents * MICROS_PER_CENT) / invoice.totalCents;
}

export type RefundShare = { refundId: string; cents: bigint; postedMicros?: bigint };

/**
 * The credit each refund of one payment takes back. Refunds already posted keep what they took
 * (`postedMicros`: a posting is immutable and its key replays only with the same amount) and count
 * first, whatever their place in the list (two refunds in one second have no order Stripe promises);
 * then each new one, in the order given, takes the net share of the running total refunded minus what
 * was taken before it. So the shares always add up to the net share of everything refunded, and a full
 * refund, in one piece or many, takes back exactly the invoice's net credit (no micro lost to rounding).
 */
export function allocateRefundShares(refunds: RefundShare[], invoice: InvoiceShares): Map<string, bigint> {
  const shares = new Map<string, bigint>();
  let refundedCents = 0n;
  let takenMicros = 0n;
  for (const refund of refunds) {
    if (refund.postedMicros === undefined) continue;
    refundedCents += refund.cents;
    takenMicros += refund.postedMicros;
    shares.set(refund.refundId, refund.postedMicros);
  }
  for (const refund of refunds) {
    if (refund.postedMicros !== undefined) continue;
    refundedCents += refund.cents;
    const micros = netShareMicros(refundedCents, invoice) - takenMicros;
    shares.set(refund.refundId, micros);
    takenMicros += micros;
  }
  return shares;
}
