// Run by next.config.ts when `next build` starts (node --conditions=react-server --import tsx): what the
// zero-JS pages read while they are prerendered, taken by the server's own implementations and written as
// JSON to the file named on the command line (lib/actions/page-server-call.ts explains why).
import { writeFile } from "node:fs/promises";
import { closeDb } from "@/lib/db/client";
import { snapshotPageReads } from "@/lib/server-start/page-server-calls";

const file = process.argv[2];
if (!file) {
  console.error("usage: snapshot-page-reads.ts <file.json>");
  process.exit(2);
}
try {
  await writeFile(file, JSON.stringify(await snapshotPageReads()));
} finally {
  await closeDb();
}
// Done: exit now rather than wait for whatever the imported server modules left running (the build waits
// on this process).
process.exit(0);
