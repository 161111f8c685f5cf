// GET /acceptable-use – content/legal/acceptable-use.md, prerendered and served without
// JavaScript (the Pages Router's unstable_runtimeJS); regenerated at most every 15 seconds so the launch mode's robots tag follows.
import { legalStaticPage } from "@/components/marketing/legal-page";
import { legalPageProps } from "@/lib/site/legal-page-props";

// No React runtime in the browser (Next reads `unstable_runtimeJS` only in production builds).
export const config = { runtime: "nodejs", unstable_runtimeJS: false };

export const getStaticProps = legalPageProps("acceptable-use");

export default legalStaticPage("/acceptable-use");
