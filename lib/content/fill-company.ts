// The legal pages name the company that runs the site and an address to write to, from the
// environment (COMPANY_NAME, CONTACT_EMAIL), not from the Markdown: one deployment's operator is not
// another's. The Markdown says {{company}} and {{contact}}; this fills the rendered HTML, escaped, when
// the page is prerendered (getStaticProps), so nothing of it runs in the browser.

export type Company = { name: string; contactEmail: string };

const PLACEHOLDER = /\{\{\s*([a-z]+)\s*\}\}/g;

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

/** `html` with {{company}} and {{contact}} (a mailto link) filled in; any other placeholder throws. */
export function fillCompany(html: string, company: Company): string {
  const email = escapeHtml(company.contactEmail);
  const values: Record<string, string> = {
    company: escapeHtml(company.name),
    contact: `<a href="mailto:${email}">${email}</a>`,
  };
  return html.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    // A typo in the Markdown fails the build rather than printing braces on a legal page.
    if (value === undefined) throw new Error(`unknown placeholder ${whole}`);
    return value;
  });
}
