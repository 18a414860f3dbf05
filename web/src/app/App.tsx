/** The routes: sign-in, the admin console (admins only), the developer portal, home, mail,
 * calendar, contacts, settings. */
import { Navigate, Route, Routes, useLocation } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { lazy, Suspense, type ReactNode } from "react";
import { SessionProvider, useSession } from "./session";
import { Layout } from "./Layout";
import { SignIn } from "../signin/SignIn";
import { Home } from "./Home";
import { Mailbox } from "../mail/Mailbox";

// Calendar, contacts, settings, the console and the developer portal load when first
// opened, so mail starts without them (and the console without mail's calendar).
const Overview = lazy(() => import("../console/Overview").then((m) => ({ default: m.Overview })));
const Domains = lazy(() => import("../console/Domains").then((m) => ({ default: m.Domains })));
const DomainDetail = lazy(() => import("../console/DomainDetail").then((m) => ({ default: m.DomainDetail })));
const Accounts = lazy(() => import("../console/Accounts").then((m) => ({ default: m.Accounts })));
const AccountDetail = lazy(() => import("../console/AccountDetail").then((m) => ({ default: m.AccountDetail })));
const Import = lazy(() => import("../console/Import").then((m) => ({ default: m.Import })));
const Departments = lazy(() => import("../console/Departments").then((m) => ({ default: m.Departments })));
const Groups = lazy(() => import("../console/Groups").then((m) => ({ default: m.Groups })));
const Migrations = lazy(() => import("../console/Migrations").then((m) => ({ default: m.Migrations })));
const AuditLog = lazy(() => import("../console/AuditLog").then((m) => ({ default: m.AuditLog })));
const Security = lazy(() => import("../console/Security").then((m) => ({ default: m.Security })));
const Apps = lazy(() => import("../portal/Apps").then((m) => ({ default: m.Apps })));
const Webhooks = lazy(() => import("../portal/Webhooks").then((m) => ({ default: m.Webhooks })));
const WebhookDetail = lazy(() => import("../portal/WebhookDetail").then((m) => ({ default: m.WebhookDetail })));
const Events = lazy(() => import("../portal/Events").then((m) => ({ default: m.Events })));
const Reference = lazy(() => import("../portal/Reference").then((m) => ({ default: m.Reference })));
const Settings = lazy(() => import("../settings/Settings").then((m) => ({ default: m.Settings })));
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
  return <Layout><Later>{children}</Later></Layout>;
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
        <Route path="/calendar" element={<Signed><Calendar /></Signed>} />
        <Route path="/contacts" element={<Signed><Contacts /></Signed>} />
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
