/** Who is signed in: the BFF session (CSRF token, expiry) and /v1/me (role, scopes). */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import { api, must, onSessionExpired, setCsrfToken, type Schemas } from "../api/client";
import { bootSession, signOut, type WebSession } from "../api/session";

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

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionState["status"]>("loading");
  const [session, setSession] = useState<WebSession | null>(null);
  const [me, setMe] = useState<Me | null>(null);

  useEffect(() => {
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
      const who = must(await api.GET("/v1/me"));
      if (!live) return;
      setMe(who);
      setStatus("signed-in");
    })().catch(() => live && setStatus("signed-out"));
    return () => {
      live = false;
    };
  }, []);

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
