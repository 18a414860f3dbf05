/** The frame: skip link, header (organisation, language, sign-out), navigation, main area. */
import { useEffect, useState, type ReactNode } from "react";
import { NavLink } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { useSession } from "./session";
import { LOCALES, setLocale, type Locale } from "../i18n";
import { Reminders } from "../calendar/Reminders";

const CONSOLE = [
  ["/console", "nav.overview"],
  ["/console/domains", "nav.domains"],
  ["/console/accounts", "nav.accounts"],
  ["/console/import", "nav.import"],
  ["/console/departments", "nav.departments"],
  ["/console/groups", "nav.groups"],
  ["/console/migrations", "nav.migrations"],
  ["/console/security", "nav.security"],
  ["/console/audit", "nav.audit"],
] as const;
const PORTAL = [
  ["/portal/apps", "nav.apps"],
  ["/portal/webhooks", "nav.webhooks"],
  ["/portal/events", "nav.events"],
  ["/portal/reference", "nav.reference"],
] as const;

export function Layout({ children }: { children: ReactNode }) {
  // the calendar's reminders start a moment after the page: they ask the API for today's
  // events, which the screen being opened (the inbox) should not wait behind
  const [soon, setSoon] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setSoon(true), 800);
    return () => clearTimeout(timer);
  }, []);
  const { t, i18n } = useTranslation();
  const { me, isAdmin, signOut } = useSession();
  const [open, setOpen] = useState(false);
  const link = ([to, key]: readonly [string, string]) => (
    <li key={to}>
      <NavLink to={to} end onClick={() => setOpen(false)}>
        {t(key)}
      </NavLink>
    </li>
  );
  return (
    <div className="frame">
      <a className="skip" href="#main">{t("nav.skip")}</a>
      <header className="top">
        <button
          type="button" className="menu" aria-expanded={open} aria-controls="nav"
          onClick={() => setOpen(!open)}
        >
          {t("nav.menu")}
        </button>
        <span className="brand">Mailplane</span>
        <span className="org">{me?.org_name}</span>
        <label className="lang">
          <span className="sr-only">{t("nav.language")}</span>
          <select value={i18n.language} onChange={(e) => setLocale(e.target.value as Locale)}>
            {LOCALES.map((l) => <option key={l} value={l}>{l === "en" ? "English" : "简体中文"}</option>)}
          </select>
        </label>
        <span className="who" title={me?.address ?? ""}>{me?.display_name || me?.address}</span>
        <button type="button" onClick={() => void signOut()}>{t("nav.signOut")}</button>
      </header>
      <nav id="nav" className={open ? "side open" : "side"} aria-label={t("nav.label")}>
        {me?.account_id && <ul>{link(["/mail", "nav.mail"])}{link(["/calendar", "nav.calendar"])}{link(["/contacts", "nav.contacts"])}{link(["/settings", "nav.settings"])}</ul>}
        {isAdmin && (
          <>
            <h2>{t("nav.console")}</h2>
            <ul>{CONSOLE.map(link)}</ul>
            <h2>{t("nav.portal")}</h2>
            <ul>{PORTAL.map(link)}</ul>
          </>
        )}
        {!isAdmin && <ul>{link(["/home", "nav.home"])}{link(["/portal/reference", "nav.reference"])}</ul>}
      </nav>
      <main id="main" tabIndex={-1}>{children}</main>
      {me?.account_id && soon && <Reminders />}
    </div>
  );
}
