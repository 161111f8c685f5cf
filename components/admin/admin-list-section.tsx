import { Children, type ReactNode } from "react";

/**
 * An admin page's list in its card: the heading, then the rows (AdminListRow or its own `<li>`s), or a
 * line saying there are none. `id` names the heading the section is labelled by (`<id>-heading`).
 */
export function AdminListSection({
  id,
  title,
  emptyText,
  children,
}: {
  id: string;
  title: string;
  emptyText: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="border-line bg-paper rounded-2xl border">
      <h2 id={`${id}-heading`} className="px-6 pt-6 text-base font-semibold">
        {title}
      </h2>
      {Children.count(children) === 0 ? (
        <p className="text-ink-soft px-6 pt-2 pb-6 text-sm">{emptyText}</p>
      ) : (
        <ul className="divide-line border-line mt-3 divide-y border-t">{children}</ul>
      )}
    </section>
  );
}
