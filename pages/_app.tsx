// The Pages Router serves the marketing pages that ship no JavaScript (home, pricing, blog posts; see
// lib/site/static-pages.ts). Their stylesheet is built from only the files they render, with the App
// Router's tokens (styles/landing.css): fewer rules to parse and match on every first visit.
import type { AppProps } from "next/app";
import "../styles/landing.css";

export default function App({ Component, pageProps }: AppProps) {
  return <Component {...pageProps} />;
}
