/**
 * The one API client: openapi-fetch over the types generated from openapi/openapi.json.
 * The browser holds no token: the session cookie (httpOnly, SameSite=Strict) rides along and
 * the server's backend-for-frontend presents the bearer token; unsafe calls echo the CSRF
 * token. A 401 means the session is over: listeners (the session provider) sign the page out.
 */
import createClient, { type Middleware } from "openapi-fetch";
import type { paths } from "./schema";

let csrfToken = "";
let locale = "zh-CN";
const expiryListeners = new Set<() => void>();

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

export function setApiLocale(value: string): void {
  locale = value;
}

export function onSessionExpired(listener: () => void): () => void {
  expiryListeners.add(listener);
  return () => expiryListeners.delete(listener);
}

const session: Middleware = {
  onRequest({ request }) {
    request.headers.set("Accept-Language", locale);
    if (!["GET", "HEAD", "OPTIONS"].includes(request.method) && csrfToken) {
      request.headers.set("X-CSRF-Token", csrfToken);
    }
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401) expiryListeners.forEach((listener) => listener());
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: "", credentials: "same-origin" });
api.use(session);

export type Schemas = import("./schema").components["schemas"];

/** An RFC 9457 problem as the API answers it. */
export interface Problem {
  status?: number;
  code?: string;
  title?: string;
  detail?: string;
  param?: string;
}

/** Throw the problem of a failed call so screens can show it; return the data otherwise. */
export function must<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || result.data === undefined) {
    const problem = (result.error ?? {}) as Problem;
    throw Object.assign(new Error(problem.detail ?? problem.title ?? String(result.response.status)), {
      problem: { ...problem, status: result.response.status },
    });
  }
  return result.data;
}

export function problemOf(error: unknown): Problem {
  return (error as { problem?: Problem })?.problem ?? { detail: String(error) };
}
