import type { FormObject } from "../http/parse-form-body";
import type { PathParams } from "../http/router";
import type { Emulator } from "../emulator";

export type ApiRequest = {
  method: string;
  path: string;
  params: FormObject;
  pathParams: PathParams;
  requestId: string;
};

// Handlers are synchronous on purpose: a request's state change happens in one step, so
// concurrent requests never interleave and faults can fire strictly before or after it.
export type ApiHandler = (emulator: Emulator, request: ApiRequest) => object;

export function pathParam(request: ApiRequest, name: string): string {
  return request.pathParams[name] ?? "";
}
