import { takeBoot } from "./boot";

/** The web app's own session routes (backend-for-frontend); not API data, so not in the schema. */
export interface WebSession {
  signed_in: true;
  account_id: string;
  org_id: string;
  csrf_token: string;
  expires_at: string;
}

export async function readSession(): Promise<WebSession | null> {
  const response = await fetch("/web/session", { credentials: "same-origin" });
  if (!response.ok) throw new Error(`session: ${response.status}`);
  const body = (await response.json()) as WebSession | { signed_in: false };
  return body.signed_in ? body : null;
}

let booting: Promise<WebSession | null> | null = null;

/** The session as the page found it when it loaded: one request however many ask (the
 * session provider, and the webmail's early fetch of the inbox). */
export function bootSession(): Promise<WebSession | null> {
  // the server's answer in the page, when it put one there (signed in or not)
  const given = booting ? undefined : takeBoot("session");
  if (given) booting = Promise.resolve(given.signed_in ? (given as unknown as WebSession) : null);
  booting ??= readSession();
  return booting;
}

export function signInUrl(address: string, next: string): string {
  return "/web/session/start?" + new URLSearchParams({ login_hint: address, next }).toString();
}

export async function signOut(csrf: string): Promise<void> {
  await fetch("/web/session/logout", {
    method: "POST",
    credentials: "same-origin",
    headers: { "X-CSRF-Token": csrf },
  });
}
