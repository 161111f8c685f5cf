import { describe, expect, it } from "vitest";
import { draftChangelogEntry } from "./draft-changelog-entry";

const incident = {
  title: 'Ingest: "stuck" batches',
  summary: "Hosts retried batches for 40 minutes.",
  startsAt: new Date("2026-12-01T10:30:00Z"),
  endsAt: new Date("2026-12-01T11:10:00Z"),
  creditedAt: new Date("2026-12-02T09:00:00Z"),
};

describe("draftChangelogEntry", () => {
  it("drafts front matter, what happened, when and that the usage was credited", () => {
    const { fileName, markdown } = draftChangelogEntry(incident, new Date("2026-12-02T09:30:00Z"));
    expect(fileName).toBe("content/changelog/2026-12-02-ingest-stuck-batches.md");
    expect(markdown).toContain('title: "Ingest: \\"stuck\\" batches"');
    expect(markdown).toContain("date: 2026-12-02T09:30:00Z");
    expect(markdown).toContain("**What happened**: Hosts retried batches for 40 minutes.");
    expect(markdown).toContain("from 2026-12-01 10:30 UTC to 2026-12-01 11:10 UTC");
    expect(markdown).toContain("has been credited back to every affected account");
  });

  it("says the credit is still to come before it is posted, and leaves a prompt without a summary", () => {
    const { markdown } = draftChangelogEntry(
      { ...incident, summary: null, creditedAt: null },
      new Date("2026-12-02T09:30:00Z"),
    );
    expect(markdown).toContain("will be credited back");
    expect(markdown).toContain("(describe what happened");
  });
});
