/** The person's own profile: display name, time zone and language, saved with PATCH /v1/me
 * (the language also switches the app at once). The address is the organisation's to change. */
import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { problemOf, type Problem } from "../api/client";
import { useSession } from "../app/session";
import { ProblemBanner } from "../components/ProblemBanner";
import { LOCALES, setLocale, type Locale } from "../i18n";
import { saveProfile } from "./settingsApi";

function zones(current: string): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const known = intl.supportedValuesOf ? intl.supportedValuesOf("timeZone") : ["Asia/Shanghai", "UTC"];
  return known.includes(current) ? known : [current, ...known];
}

export function ProfileForm() {
  const { t, i18n } = useTranslation();
  const { me, setMe } = useSession();
  const [name, setName] = useState(me?.display_name ?? "");
  const [zone, setZone] = useState(me?.time_zone ?? "UTC");
  // The language the person sees now (their saved choice on this browser, else the browser's).
  const [language, setLanguage] = useState<Locale>(i18n.language === "en" ? "en" : "zh-CN");
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState("");
  const zoneList = useMemo(() => zones(zone), [zone]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone("");
    try {
      const saved = await saveProfile({ display_name: name, time_zone: zone, locale: language });
      setMe(saved);
      setProblem(null);
      setLocale(language);
      setDone(i18n.getFixedT(language)("settings.saved"));
    } catch (err) {
      setProblem(problemOf(err));
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="profile-title" className="settings-form">
      <h2 id="profile-title">{t("settings.profile")}</h2>
      <ProblemBanner problem={problem} />
      <label>{t("settings.displayName")}<input name="display_name" value={name} maxLength={200} required onChange={(e) => setName(e.target.value)} /></label>
      <p>{t("settings.address")}: <span className="address">{me?.address}</span></p>
      <label>
        {t("settings.timeZone")}
        <select name="time_zone" value={zone} onChange={(e) => setZone(e.target.value)}>
          {zoneList.map((z) => <option key={z} value={z}>{z}</option>)}
        </select>
      </label>
      <label>
        {t("settings.language")}
        <select name="locale" value={language} onChange={(e) => setLanguage(e.target.value as Locale)}>
          {LOCALES.map((l) => <option key={l} value={l}>{l === "en" ? "English" : "简体中文"}</option>)}
        </select>
      </label>
      <p className="hint">{t("settings.profileHint")}</p>
      <div className="actions">
        <button type="submit" name="save-profile">{t("settings.saveProfile")}</button>
        <span role="status">{done}</span>
      </div>
    </form>
  );
}
