// Server code, without the "server-only" marker: the static marketing pages of the Pages Router
// (pages/) read it in getStaticProps, where Next refuses that marker. getStaticProps never reaches the
// browser bundle. Keep this module out of client components: it reads the database or the disk.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { marked } from "marked";
import { z } from "zod";

// Markdown under content/, read when pages are prerendered at build time. The files are ours (in the
// repository, reviewed like code), so their HTML is rendered as is.
export type Collection = "blog" | "changelog" | "legal";

const frontMatterSchema = z.object({
  title: z.string().min(1),
  description: z.string().min(1),
  date: z.coerce.date(),
  author: z.string().optional(),
});

export type Entry = {
  slug: string;
  title: string;
  description: string;
  /** `YYYY-MM-DD`. */
  date: string;
  author: string | undefined;
  html: string;
};

const CONTENT_ROOT = path.join(process.cwd(), "content");

// `date` may carry a time of day ("2026-11-29T19:31:00Z", when the change reached main): entries of the
// same day are then listed newest first too. Pages show the day only.
function readEntry(collection: Collection, file: string): Entry & { instant: number } {
  const source = readFileSync(path.join(CONTENT_ROOT, collection, file), "utf8");
  const { data, content } = matter(source);
  const parsed = frontMatterSchema.safeParse(data);
  if (!parsed.success) throw new Error(`content/${collection}/${file}: ${parsed.error.message}`);
  return {
    slug: file.replace(/\.md$/, ""),
    title: parsed.data.title,
    description: parsed.data.description,
    date: parsed.data.date.toISOString().slice(0, 10),
    instant: parsed.data.date.getTime(),
    author: parsed.data.author,
    html: marked.parse(content, { async: false, gfm: true }),
  };
}

/** Every entry of a collection, newest first. */
export function listEntries(collection: Collection): Entry[] {
  return readdirSync(path.join(CONTENT_ROOT, collection))
    .filter((file) => file.endsWith(".md"))
    .map((file) => readEntry(collection, file))
    .sort((a, b) => b.instant - a.instant || a.slug.localeCompare(b.slug))
    .map(({ instant: _instant, ...entry }) => entry);
}

/** One entry by slug, or undefined (a page turns that into its 404). */
export function findEntry(collection: Collection, slug: string): Entry | undefined {
  return listEntries(collection).find((entry) => entry.slug === slug);
}

/** "2026-11-29" → "29 November 2026", the same on server and in every time zone. */
export function formatEntryDate(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}
