// Stripe fields like `customer` or `latest_charge` hold an id, or the object when expanded.
export function readId(value: string | { id?: string } | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === "string" ? value : (value.id ?? null);
}
