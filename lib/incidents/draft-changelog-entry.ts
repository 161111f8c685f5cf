// A changelog entry drafted from an incident, for the operator to edit and commit to content/changelog
// (the web server writes no files). No `server-only`: pure, unit-tested beside it.

export type ChangelogIncident = {
  title: string;
  summary: string | null;
  startsAt: Date;
  endsAt: Date;
  creditedAt: Date | null;
};

const utc = (date: Date) => `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;

// Front matter values are YAML: quote the title and description so a colon or a quote in them stays text.
const yamlString = (value: string) => JSON.stringify(value);

/** The entry's file name and its Markdown (front matter as the other entries have it, then the body). */
export function draftChangelogEntry(incident: ChangelogIncident, now: Date): { fileName: string; markdown: string } {
  const date = now.toISOString().slice(0, 10);
  const slug = incident.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  const credited = incident.creditedAt
    ? "Usage billed during the incident has been credited back to every affected account; the credit is on your statement under the incident's title."
    : "Usage billed during the incident will be credited back to every affected account; the credit will show on your statement under the incident's title.";
  const markdown = [
    "---",
    `title: ${yamlString(incident.title)}`,
    `description: ${yamlString(`An incident from ${utc(incident.startsAt)} to ${utc(incident.endsAt)}, and the usage we credited back.`)}`,
    `date: ${now.toISOString().slice(0, 19)}Z`,
    "---",
    "",
    `- **What happened**: ${incident.summary?.trim() || "(describe what happened and what was affected)"}`,
    `- **When**: from ${utc(incident.startsAt)} to ${utc(incident.endsAt)}.`,
    `- **Your bill**: ${credited}`,
    "",
  ].join("\n");
  return { fileName: `content/changelog/${date}-${slug || "incident"}.md`, markdown };
}
