/** Security and policy: password rules, sign-in throttling, app passwords, spam lists, and
 * the organisation's language, time zone and migration networks. */
import { useTranslation } from "react-i18next";
import { PasswordPolicyForm } from "./security/PasswordPolicyForm";
import { SignInLocks } from "./security/SignInLocks";
import { AppPasswords } from "./security/AppPasswords";
import { SpamLists } from "./security/SpamLists";
import { OrganizationSettings } from "./security/OrganizationSettings";

export function Security() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="sec">
      <h1 id="sec">{t("security.title")}</h1>
      <OrganizationSettings />
      <PasswordPolicyForm />
      <SignInLocks />
      <AppPasswords />
      <SpamLists />
    </section>
  );
}
