// The HTML document of the static marketing pages (pages/), matching app/layout.tsx.
import { Head, Html, Main, NextScript } from "next/document";
import { SkipLink } from "@/components/site/skip-link";

export default function Document() {
  return (
    <Html lang="en">
      <Head>
        <meta name="theme-color" content="#ffffff" media="(prefers-color-scheme: light)" />
        <meta name="theme-color" content="#0b1120" media="(prefers-color-scheme: dark)" />
        <link rel="icon" href="/icon.svg" type="image/svg+xml" />
      </Head>
      <body>
        {/* Before the page (and its demo banner): the first thing a keyboard reaches on every static page. */}
        <SkipLink />
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
