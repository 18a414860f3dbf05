/** Sign-in: the address first (it names the organisation), then Mailplane's OAuth pages. */
import { useState, type FormEvent } from "react";
import { Navigate, useSearchParams } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { signInUrl } from "../api/session";
import { useSession } from "../app/session";
import { LOCALES, setLocale, type Locale } from "../i18n";

const KNOWN_ERRORS = ["session_expired", "not_found", "validation_failed", "access_denied", "sign_in_failed", "sign_in_expired"];

export function SignIn() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const { status } = useSession();
  const [address, setAddress] = useState(params.get("login_hint") ?? "");
  const next = params.get("next") ?? "/";
  const error = params.get("error");
  if (status === "signed-in") return <Navigate to={next} replace />;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    window.location.assign(signInUrl(address.trim(), next));
  };
  return (
    <main id="main" className="signin">
      <h1>{t("signin.title")}</h1>
      {error && (
        <p className="error" role="alert">
          {t(KNOWN_ERRORS.includes(error) ? `signin.errors.${error}` : "signin.errors.sign_in_failed")}
        </p>
      )}
      <form onSubmit={submit}>
        <label htmlFor="address">{t("signin.address")}</label>
        <input
          id="address" type="email" required autoComplete="username" autoFocus
          value={address} onChange={(e) => setAddress(e.target.value)}
        />
        <button type="submit" className="primary">{t("signin.continue")}</button>
      </form>
      <p className="hint">{t("signin.hint")}</p>
      <label className="lang">
        {t("nav.language")}{" "}
        <select value={i18n.language} onChange={(e) => setLocale(e.target.value as Locale)}>
          {LOCALES.map((l) => <option key={l} value={l}>{l === "en" ? "English" : "简体中文"}</option>)}
        </select>
      </label>
    </main>
  );
}
