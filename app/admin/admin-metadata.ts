import "server-only";
import type { Metadata } from "next";
import { getCurrentSession } from "@/lib/session/get-current-session";

/**
 * The admin segments' metadata, resolved only for an operator. Static `metadata` is resolved whatever
 * the role, and Next puts the layout's into the not-found page it renders when the role check fails,
 * so a non-operator's 404 said "Admin · Tandem". For anyone else this resolves to nothing, leaving the
 * root's metadata: exactly the ordinary not-found page's. (Calling notFound() here instead leaves that
 * page with no <title> at all.) The layout and every page still answer 404 themselves.
 */
export function adminMetadata(metadata: Metadata): () => Promise<Metadata> {
  return async () => ((await getCurrentSession())?.user.role === "admin" ? metadata : {});
}
