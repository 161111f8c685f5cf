import Link from "next/link";
import type { NavLink } from "./site-nav";

/** Links as a list, one item each: the footer's columns and the 404 page's suggestions. */
export function LinkList({ links, linkClassName }: { links: NavLink[]; linkClassName: string }) {
  return (
    <ul className="mt-3 space-y-2">
      {links.map((link) => (
        <li key={link.href}>
          <Link href={link.href} className={linkClassName}>
            {link.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
