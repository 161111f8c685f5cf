// The Pages Router serves the marketing pages that ship no JavaScript (home, pricing, blog posts; see
// lib/site/static-pages.ts); they share the App Router's stylesheet.
import type { AppProps } from "next/app";
import "../app/globals.css";

export default function App({ Component, pageProps }: AppProps) {
  return <Component {...pageProps} />;
}
