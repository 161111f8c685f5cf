// The committed migrations up to and including a journal index, copied into a folder of their own, so a
// test can migrate a scratch database to just before a migration, seed the old shape, then run the rest.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const migrations = path.join(process.cwd(), "lib/db/migrations");

/** A temporary folder holding migrations 0…`lastIdx` and their journal; the caller removes it. */
export function migrationsUpTo(lastIdx: number): string {
  const folder = mkdtempSync(path.join(tmpdir(), "migrations-"));
  const journal = JSON.parse(readFileSync(path.join(migrations, "meta/_journal.json"), "utf8")) as {
    entries: Array<{ idx: number; tag: string }>;
  };
  journal.entries = journal.entries.filter((entry) => entry.idx <= lastIdx);
  for (const entry of journal.entries)
    cpSync(path.join(migrations, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
  cpSync(path.join(migrations, "meta"), path.join(folder, "meta"), { recursive: true });
  writeFileSync(path.join(folder, "meta/_journal.json"), JSON.stringify(journal));
  return folder;
}
