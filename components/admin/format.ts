// Dates in the admin area: UTC, so every operator reads the same time, and compact enough for tables.
export function formatDateTime(date: Date | string | null | undefined): string {
  if (!date) return "—";
  return `${new Date(date).toLocaleString("en-GB", {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "UTC",
  })} UTC`;
}

export function formatDate(date: Date | string): string {
  return new Date(date).toLocaleDateString("en-GB", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
}
