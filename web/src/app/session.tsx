/** Who is signed in: the BFF session (CSRF token, expiry) and /v1/me (role, scopes). */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import { api, must, onSessionExpired, setCsrfToken, type Schemas } from "../api/client";
import { bootSession, signOut, type WebSession } from "../api/session";
import { peekBoot, takeBoot } from "../api/boot";

type Me = Schemas["Me"];

export interface SessionState {
  status: "loading" | "signed-out" | "expired" | "signed-in";
  session: WebSession | null;
  me: Me | null;
  isAdmin: boolean;
  signOut: () => Promise<void>;
  /** The person changed their own profile: every view reads the new name, zone, language. */
  setMe: (me: Me) => void;
}

const SessionContext = createContext<SessionState | null>(null);

/** Signed in as the page says (session and /v1/me in it): the first render needs no request. */
function fromPage(): { session: WebSession; me: Me } | null {
  const session = peekBoot("session");
  const me = peekBoot("me");
  if (!session?.signed_in || !me) return null;
  takeBoot("session");
  takeBoot("me");
  setCsrfToken(String(session.csrf_token));
  return { session: session as unknown as WebSession, me };
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [given] = useState(fromPage);
  const [status, setStatus] = useState<SessionState["status"]>(given ? "signed-in" : "loading");
  const [session, setSession] = useState<WebSession | null>(given?.session ?? null);
  const [me, setMe] = useState<Me | null>(given?.me ?? null);

  useEffect(() => {
    if (given) return;
    let live = true;
    void (async () => {
      // the session as the page found it: shared with the webmail's early fetch of the inbox,
      // which then runs alongside /v1/me
      const current = await bootSession().catch(() => null);
      if (!live) return;
      if (!current) {
        setStatus("signed-out");
        return;
      }
      setCsrfToken(current.csrf_token);
      setSession(current);
      const who = takeBoot("me") ?? must(await api.GET("/v1/me"));
      if (!live) return;
      setMe(who);
      setStatus("signed-in");
    })().catch(() => live && setStatus("signed-out"));
    return () => {
      live = false;
    };
  }, [given]);

  useEffect(() => onSessionExpired(() => setStatus((s) => (s === "signed-in" ? "expired" : s))), []);

  useEffect(() => {
    if (!session) return;
    const left = new Date(session.expires_at).getTime() - Date.now();
    const timer = setTimeout(() => setStatus("expired"), Math.max(0, Math.min(left, 2 ** 31 - 1)));
    return () => clearTimeout(timer);
  }, [session]);

  const doSignOut = useCallback(async () => {
    if (session) await signOut(session.csrf_token);
    setCsrfToken("");
    setSession(null);
    setMe(null);
    setStatus("signed-out");
  }, [session]);

  const isAdmin = !!me && (me.role === "admin" || me.role === "operator");
  return (
    <SessionContext.Provider value={{ status, session, me, isAdmin, signOut: doSignOut, setMe }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}
