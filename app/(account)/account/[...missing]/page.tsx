import { notFound } from "next/navigation";

// Any other URL under /account: the account area's own 404 (app/(account)/not-found.tsx), inside its
// header and navigation, instead of the site-wide page (unmatched URLs never reach a segment's not-found).
export default function MissingAccountPage(): never {
  notFound();
}
