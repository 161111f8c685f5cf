// Any method on /api/account/v1 or /api/account/v1/<a path the API does not have> – a JSON 404 instead of Next's HTML page.
import { AppError } from "@/lib/errors";
import { withRoute } from "@/lib/http/with-route";

export const dynamic = "force-dynamic";

// Named routes take precedence over this catch-all, so it only ever answers paths that do not exist.
const notFound = withRoute("/api/account/v1/[[...rest]]", async () => {
  throw new AppError("not_found", {
    message: "The account API has no such endpoint; GET /api/account/v1/openapi.json lists them.",
  });
});

export {
  notFound as GET,
  notFound as HEAD,
  notFound as POST,
  notFound as PUT,
  notFound as DELETE,
  notFound as PATCH,
  notFound as OPTIONS,
};
