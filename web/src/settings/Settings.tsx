/** The person's settings: who they are and their language, mail settings (signature,
 * auto-reply, forwarding), and app passwords for mail clients. */
import { useTranslation } from "react-i18next";
import { useSession } from "../app/session";
import { LOCALES, setLocale, type Locale } from "../i18n";
import { AppPasswords } from "./AppPasswords";
import { MailSettingsForm } from "./MailSettingsForm";

export function Settings() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const account = me?.account_id ?? "";
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <section className="settings" aria-labelledby="settings-title">
      <h1 id="settings-title">{t("settings.title")}</h1>
      <section aria-labelledby="profile-title">
        <h2 id="profile-title">{t("settings.profile")}</h2>
        <dl>
          <dt>{t("settings.displayName")}</dt><dd>{me?.display_name || "—"}</dd>
          <dt>{t("settings.address")}</dt><dd>{me?.address}</dd>
          <dt>{t("settings.timeZone")}</dt><dd>{zone}</dd>
        </dl>
        <label>
          {t("settings.language")}
          <select value={i18n.language} onChange={(e) => setLocale(e.target.value as Locale)}>
            {LOCALES.map((l) => <option key={l} value={l}>{l === "en" ? "English" : "简体中文"}</option>)}
          </select>
        </label>
        <p className="hint">{t("settings.profileHint")}</p>
      </section>
      {account && <MailSettingsForm account={account} />}
      {account && <AppPasswords account={account} />}
    </section>
  );
}
