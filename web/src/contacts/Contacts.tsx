/** Contacts: the person's own address books and groups, and the company directory. */
import { useSearchParams } from "react-router-dom";
import { useTranslation } from "react-i18next";
import { AddressBooks } from "./AddressBooks";
import { Directory } from "./Directory";
import "./contacts.css";

export function Contacts() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") === "directory" ? "directory" : "mine";
  return (
    <section aria-labelledby="contacts-title" className="contacts">
      <h1 id="contacts-title">{t("contacts.title")}</h1>
      <div className="actions" role="group" aria-label={t("contacts.sections")}>
        {(["mine", "directory"] as const).map((k) => (
          <button key={k} type="button" aria-pressed={tab === k} onClick={() => setParams(k === "mine" ? {} : { tab: k })}>
            {t(`contacts.tab.${k}`)}
          </button>
        ))}
      </div>
      {tab === "mine" ? <AddressBooks /> : <Directory />}
    </section>
  );
}
