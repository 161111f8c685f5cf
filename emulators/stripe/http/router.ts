// A minimal method + path-pattern router: `/v1/customers/:id` captures `id`.
export type PathParams = Record<string, string>;

export type Route<Handler> = { method: string; pattern: string; handler: Handler };

type CompiledRoute<Handler> = Route<Handler> & { regex: RegExp; names: string[] };

export type RouteMatch<Handler> = { handler: Handler; pathParams: PathParams };

function compile<Handler>(route: Route<Handler>): CompiledRoute<Handler> {
  const names: string[] = [];
  const source = route.pattern
    .split("/")
    .map((part) => {
      if (!part.startsWith(":")) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(part.slice(1));
      return "([^/]+)";
    })
    .join("/");
  return { ...route, regex: new RegExp(`^${source}/?$`), names };
}

export function createRouter<Handler>(routes: Array<Route<Handler>>) {
  const compiled = routes.map(compile);
  return function matchRoute(method: string, path: string): RouteMatch<Handler> | undefined {
    for (const route of compiled) {
      if (route.method !== method) continue;
      const match = route.regex.exec(path);
      if (!match) continue;
      const pathParams: PathParams = {};
      route.names.forEach((name, index) => {
        pathParams[name] = decodeURIComponent(match[index + 1] ?? "");
      });
      return { handler: route.handler, pathParams };
    }
    return undefined;
  };
}
