/** The routes: sign-in, the admin console (admins only), the developer portal, home. */
import { Navigate, Route, Routes, useLocation } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { lazy, Suspense, type ReactNode } from "react";
import { SessionProvider, useSession } from "./session";
import { Layout } from "./Layout";
import { SignIn } from "../signin/SignIn";
import { Home } from "./Home";
import { Overview } from "../console/Overview";
import { Domains } from "../console/Domains";
import { DomainDetail } from "../console/DomainDetail";
import { Accounts } from "../console/Accounts";
import { AccountDetail } from "../console/AccountDetail";
import { Import } from "../console/Import";
import { Departments } from "../console/Departments";
import { Groups } from "../console/Groups";
import { Migrations } from "../console/Migrations";
import { AuditLog } from "../console/AuditLog";
import { Security } from "../console/Security";
import { Apps } from "../portal/Apps";
import { Webhooks } from "../portal/Webhooks";
import { WebhookDetail } from "../portal/WebhookDetail";
import { Events } from "../portal/Events";
import { Reference } from "../portal/Reference";
import { Mailbox } from "../mail/Mailbox";
import { Settings } from "../settings/Settings";

// Calendar and contacts load when first opened, so mail and the console start without them.
const Calendar = lazy(() => import("../calendar/Calendar").then((m) => ({ default: m.Calendar })));
const Contacts = lazy(() => import("../contacts/Contacts").then((m) => ({ default: m.Contacts })));

function Later({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return <Suspense fallback={<p className="loading" role="status">{t("common.loading")}</p>}>{children}</Suspense>;
}

function Signed({ children }: { children: ReactNode }) {
  const { status } = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  if (status === "loading") return <p className="loading" role="status">{t("common.loading")}</p>;
  if (status !== "signed-in") {
    const next = location.pathname + location.search;
    const reason = status === "expired" ? "&error=session_expired" : "";
    return <Navigate to={`/signin?next=${encodeURIComponent(next)}${reason}`} replace />;
  }
  return <Layout>{children}</Layout>;
}

function AdminOnly({ children }: { children: ReactNode }) {
  const { isAdmin } = useSession();
  const { t } = useTranslation();
  if (!isAdmin) {
    return (
      <section aria-labelledby="denied">
        <h1 id="denied">{t("denied.title")}</h1>
        <p>{t("denied.body")}</p>
      </section>
    );
  }
  return <>{children}</>;
}

function Start() {
  const { isAdmin } = useSession();
  return <Navigate to={isAdmin ? "/console" : "/home"} replace />;
}

const admin = (screen: ReactNode) => (
  <Signed>
    <AdminOnly>{screen}</AdminOnly>
  </Signed>
);

export function App() {
  return (
    <SessionProvider>
      <Routes>
        <Route path="/signin" element={<SignIn />} />
        <Route path="/" element={<Signed><Start /></Signed>} />
        <Route path="/home" element={<Signed><Home /></Signed>} />
        <Route path="/mail" element={<Signed><Mailbox /></Signed>} />
        <Route path="/calendar" element={<Signed><Later><Calendar /></Later></Signed>} />
        <Route path="/contacts" element={<Signed><Later><Contacts /></Later></Signed>} />
        <Route path="/settings" element={<Signed><Settings /></Signed>} />
        <Route path="/console" element={admin(<Overview />)} />
        <Route path="/console/domains" element={admin(<Domains />)} />
        <Route path="/console/domains/:name" element={admin(<DomainDetail />)} />
        <Route path="/console/accounts" element={admin(<Accounts />)} />
        <Route path="/console/accounts/:id" element={admin(<AccountDetail />)} />
        <Route path="/console/import" element={admin(<Import />)} />
        <Route path="/console/departments" element={admin(<Departments />)} />
        <Route path="/console/groups" element={admin(<Groups />)} />
        <Route path="/console/migrations" element={admin(<Migrations />)} />
        <Route path="/console/audit" element={admin(<AuditLog />)} />
        <Route path="/console/security" element={admin(<Security />)} />
        <Route path="/portal/apps" element={admin(<Apps />)} />
        <Route path="/portal/webhooks" element={admin(<Webhooks />)} />
        <Route path="/portal/webhooks/:id" element={admin(<WebhookDetail />)} />
        <Route path="/portal/events" element={admin(<Events />)} />
        <Route path="/portal/reference" element={<Signed><Reference /></Signed>} />
        <Route path="*" element={<Signed><NotFound /></Signed>} />
      </Routes>
    </SessionProvider>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return <h1>{t("common.notFound")}</h1>;
}
