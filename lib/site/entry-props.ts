import type { Entry } from "@/lib/content/get-content";
import { formatEntryDate } from "@/lib/content/get-content";

/**
 * A content entry as page props: JSON has no `undefined`, and the date is formatted where the content is
 * read (components must not import the content reader, which needs Node).
 */
export type EntryProps = Omit<Entry, "author"> & { author: string | null; displayDate: string };

export function toEntryProps(entry: Entry): EntryProps {
  return { ...entry, author: entry.author ?? null, displayDate: formatEntryDate(entry.date) };
}
