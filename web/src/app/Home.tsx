/** The landing page of a person who is not an administrator (the webmail will live here). */
import { useTranslation } from "react-i18next";
import { useSession } from "./session";

export function Home() {
  const { t } = useTranslation();
  const { me } = useSession();
  return (
    <section aria-labelledby="home">
      <h1 id="home">{t("home.title", { name: me?.display_name || me?.address })}</h1>
      <p>{t("home.body")}</p>
      <dl className="facts">
        <dt>{t("home.address")}</dt><dd>{me?.address}</dd>
        <dt>{t("home.organisation")}</dt><dd>{me?.org_name}</dd>
      </dl>
    </section>
  );
}
