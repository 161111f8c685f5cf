import "server-only";
import { AppError } from "@/lib/errors";
import { withRoute } from "./with-route";

/**
 * Every method of a JSON API's catch-all route (`<basePath>/[[...rest]]`): the documented 404 instead of
 * Next's HTML page. Named routes take precedence over a catch-all, so it only ever answers paths the API
 * does not have.
 */
export function unknownPathRoutes(options: { apiName: string; basePath: string }) {
  const notFound = withRoute(`${options.basePath}/[[...rest]]`, async () => {
    throw new AppError("not_found", {
      message: `The ${options.apiName} has no such endpoint; GET ${options.basePath}/openapi.json lists them.`,
    });
  });
  return {
    GET: notFound,
    HEAD: notFound,
    POST: notFound,
    PUT: notFound,
    DELETE: notFound,
    PATCH: notFound,
    OPTIONS: notFound,
  };
}
