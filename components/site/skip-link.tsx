/**
 * "Skip to content": the first thing a keyboard reaches on every page (both routers), hidden until it
 * has focus, then shown over the banner and header. Every page's <main> is `#main`.
 */
export function SkipLink() {
  return (
    <a
      href="#main"
      className="bg-paper text-brand ring-brand sr-only z-50 rounded-lg px-4 py-2 text-sm font-semibold ring-2 focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
    >
      Skip to content
    </a>
  );
}
