/** The person's settings: their profile (name, time zone, language), mail settings (signature,
 * auto-reply, forwarding), and app passwords for mail clients. */
import { useTranslation } from "react-i18next";
import { useSession } from "../app/session";
import { AppPasswords } from "./AppPasswords";
import { MailSettingsForm } from "./MailSettingsForm";
import { ProfileForm } from "./ProfileForm";

export function Settings() {
  const { t } = useTranslation();
  const { me } = useSession();
  const account = me?.account_id ?? "";
  return (
    <section className="settings" aria-labelledby="settings-title">
      <h1 id="settings-title">{t("settings.title")}</h1>
      {me && <ProfileForm key={me.account_id ?? ""} />}
      {account && <MailSettingsForm account={account} />}
      {account && <AppPasswords account={account} />}
    </section>
  );
}
