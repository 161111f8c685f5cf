// npm run email:preview: draws every email template with sample data into .data/email-preview/<name>.html
// and <name>.txt (the plain-text part), to open in a browser or diff after a template change.
// Run with plain `node --import tsx`, not scripts/bootstrap.mjs: that adds the `react-server` condition,
// under which react-dom/server (React Email's renderer) refuses to load (lib/email/render-in-worker.ts).
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { outboxEmailTemplates } from "@/lib/db/schema";
import { renderEmail } from "@/lib/email/render-email";
import { emailSamples } from "@/lib/email/templates/samples";

const outDir = path.join(process.cwd(), ".data", "email-preview");

async function main(): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const samples = emailSamples();
  const index: string[] = [];
  for (const template of outboxEmailTemplates) {
    const email = await renderEmail(template, samples[template] as never);
    await writeFile(path.join(outDir, `${template}.html`), email.html);
    await writeFile(path.join(outDir, `${template}.txt`), `Subject: ${email.subject}\n\n${email.text}`);
    index.push(
      `<li><a href="${template}.html">${template}</a> (<a href="${template}.txt">text</a>): ${email.subject.replace(/</g, "&lt;")}</li>`,
    );
  }
  await writeFile(
    path.join(outDir, "index.html"),
    `<!doctype html><meta charset="utf-8"><title>Tandem emails</title><ul>${index.join("")}</ul>`,
  );
  console.log(
    `${outboxEmailTemplates.length} emails written to ${path.relative(process.cwd(), outDir)}/ (open index.html)`,
  );
}

await main();
