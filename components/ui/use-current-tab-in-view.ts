"use client";

import { useLayoutEffect, type RefObject } from "react";

/**
 * Keeps the current tab (aria-current="page") of a sideways-scrolling tab strip in view: on the first
 * render, after each navigation, and when the strip changes width (a phone turned, a window narrowed).
 * At 375 px the later tabs start off-screen, and a person should see in the navigation which page they
 * are on. Only the strip scrolls, never the page.
 */
export function useCurrentTabInView(strip: RefObject<HTMLElement | null>, pathname: string): void {
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
