"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useLayoutEffect, useRef, type RefObject } from "react";

export type Tab = { href: string; label: string };

// Two frames for the same tabs. `bar`: a full-width band under the site header (the account area).
// `inline`: inside the page's column, bleeding to the screen's edges on a phone (the admin area).
const frames = {
  bar: {
    nav: "border-b border-line bg-paper",
    list: "mx-auto flex max-w-5xl gap-1 overflow-x-auto px-4 sm:px-6",
    item: "shrink-0",
    link: "inline-block border-b-2 px-3 py-3 text-sm font-semibold",
  },
  inline: {
    nav: "-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0",
    list: "flex min-w-max gap-1 border-b border-line",
    item: undefined,
    link: "-mb-px block border-b-2 px-3 py-2.5 text-sm font-semibold",
  },
} as const;

/**
 * Keeps the current tab (aria-current="page") of a sideways-scrolling strip in view: on the first
 * render, after each navigation, and when the strip changes width (a phone turned, a window narrowed).
 * At 375 px the later tabs start off-screen, and a person should see in the navigation which page they
 * are on. Only the strip scrolls, never the page.
 */
function useCurrentTabInView(strip: RefObject<HTMLElement | null>, pathname: string): void {
  useLayoutEffect(() => {
    const element = strip.current;
    if (!element) return;
    const bringIntoView = () => {
      const tab = element.querySelector<HTMLElement>('[aria-current="page"]');
      if (!tab) return;
      const stripBox = element.getBoundingClientRect();
      const tabBox = tab.getBoundingClientRect();
      if (tabBox.left >= stripBox.left && tabBox.right <= stripBox.right) return;
      element.scrollBy({ left: tabBox.left - stripBox.left - (stripBox.width - tabBox.width) / 2 });
    };
    bringIntoView();
    const observer = new ResizeObserver(bringIntoView);
    observer.observe(element);
    return () => observer.disconnect();
  }, [strip, pathname]);
}

/**
 * An area's sections as tabs, for the account and admin areas alike. A tab is current on every URL that
 * starts with its own (a section's inner pages), except the first (the area's home), which is current
 * only on its own URL; the current one is marked for sighted and screen-reader users alike
 * (aria-current="page").
 */
export function TabStrip({ label, tabs, frame }: { label: string; tabs: readonly Tab[]; frame: keyof typeof frames }) {
  // `null` only in the Pages Router (pages/), which never renders this.
  const pathname = usePathname() ?? "";
  const nav = useRef<HTMLElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const classes = frames[frame];
  // The element that scrolls sideways is the one kept in view.
  useCurrentTabInView(frame === "bar" ? list : nav, pathname);
  const home = tabs[0]?.href;
  return (
    <nav ref={nav} aria-label={label} className={classes.nav}>
      <ul ref={list} className={classes.list}>
        {tabs.map((tab) => {
          const isCurrent = tab.href === home ? pathname === tab.href : pathname.startsWith(tab.href);
          return (
            <li key={tab.href} className={classes.item}>
              <Link
                href={tab.href}
                aria-current={isCurrent ? "page" : undefined}
                className={`${classes.link} ${isCurrent ? "border-brand text-brand" : "border-transparent text-ink-soft hover:text-ink"}`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
