export function hashInlineScripts(html: string): string[];
export function recordPageHtml(pathname: string, html: string): boolean;
export function recentPageHashes(pathname: string): string[] | undefined;
export function pathnameOfCacheKey(key: string): string;
