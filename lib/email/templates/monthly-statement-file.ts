// The monthly statement's file name, one definition for the email that names it and the PDF attached
// to it (lib/monthly-statements). No React here: the job worker imports it without the templates.
export function monthlyStatementFilename(data: { month: string }): string {
  return `tandem-statement-${data.month}.pdf`;
}
