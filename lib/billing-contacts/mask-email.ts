// How a link page names the account an address is joined to, to someone who has not signed in: the
// owner's address with most of its local part hidden ("a••@example.com"), enough for the finance person
// to recognise a colleague and too little to harvest an address. No `server-only`: pure.

export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at <= 0) return "an account holder";
  const local = [...email.slice(0, at)];
  const shown = local.length > 4 ? 2 : 1;
  return `${local.slice(0, shown).join("")}${"•".repeat(Math.min(3, Math.max(2, local.length - shown)))}${email.slice(at)}`;
}
