/** i18next with the zh-CN and English catalogues; the person's choice is remembered. */
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import en from "./en.json";
import zhCN from "./zh-CN.json";
import { setApiLocale } from "../api/client";

export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
const STORAGE_KEY = "mailplane.locale";

export function initialLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (saved === "en" || saved === "zh-CN") return saved;
  const nav = globalThis.navigator?.language ?? "zh-CN";
  return nav.toLowerCase().startsWith("zh") ? "zh-CN" : "en";
}

export function setLocale(locale: Locale): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  void i18n.changeLanguage(locale);
}

i18n.on("languageChanged", (lng) => {
  setApiLocale(lng);
  if (globalThis.document) document.documentElement.lang = lng;
});

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, "zh-CN": { translation: zhCN } },
  lng: initialLocale(),
  fallbackLng: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
