// The Pages Router serves the public pages a visitor lands on, which ship no JavaScript (home, pricing,
// the blog, changelog and legal pages; docs/decisions/0014-one-rule-for-the-two-routers.md). Their stylesheet is built from only the files they render, with the App
// Router's tokens (styles/landing.css): fewer rules to parse and match on every first visit.
import type { AppProps } from "next/app";
import "../styles/landing.css";

export default function App({ Component, pageProps }: AppProps) {
  return <Component {...pageProps} />;
}
