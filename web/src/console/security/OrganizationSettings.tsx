/** The organisation's language, time zone and migration source networks (/v1/organization). */
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, must } from "../../api/client";
import { useLoad } from "../../components/useLoad";
import { ProblemBanner } from "../../components/ProblemBanner";
import { useAction } from "./useAction";

interface Form {
  name: string;
  locale: "zh-CN" | "en";
  time_zone: string;
  networks: string;
}

function zones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  return intl.supportedValuesOf ? intl.supportedValuesOf("timeZone") : ["Asia/Shanghai", "UTC"];
}

export function OrganizationSettings() {
  const { t } = useTranslation();
  const org = useLoad(() => api.GET("/v1/organization").then(must), []);
  const [form, setForm] = useState<Form | null>(null);
  const { problem, done, act } = useAction(org.reload);
  const zoneList = useMemo(zones, []);
  useEffect(() => {
    const o = org.data;
    if (o) setForm({ name: o.name, locale: o.locale, time_zone: o.time_zone, networks: o.migration_private_networks.join("\n") });
  }, [org.data]);
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    void act(async () => must(await api.PATCH("/v1/organization", {
      body: {
        name: form.name, locale: form.locale, time_zone: form.time_zone,
        migration_private_networks: form.networks.split(/[\s,]+/).filter(Boolean),
      },
    })), t("security.saved"));
  };
  return (
    <form className="panel grid" onSubmit={save} aria-labelledby="sec-org" data-testid="organization-settings">
      <h2 id="sec-org" className="wide">{t("security.organisation")}</h2>
      <ProblemBanner problem={org.error ?? problem} />
      {form && (
        <>
          <label>{t("security.orgName")}<input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} /></label>
          <label>{t("security.locale")}
            <select value={form.locale} onChange={(e) => setForm({ ...form, locale: e.target.value as Form["locale"] })}>
              <option value="zh-CN">简体中文</option><option value="en">English</option>
            </select>
          </label>
          <label>{t("security.timeZone")}
            <input list="sec-zones" required value={form.time_zone} onChange={(e) => setForm({ ...form, time_zone: e.target.value })} />
            <datalist id="sec-zones">{zoneList.map((z) => <option key={z} value={z} />)}</datalist>
          </label>
          <label className="wide">{t("security.networks")}
            <textarea rows={3} value={form.networks} placeholder="10.20.0.0/16" aria-describedby="sec-networks-help"
              onChange={(e) => setForm({ ...form, networks: e.target.value })} />
          </label>
          <p id="sec-networks-help" className="wide hint">{t("security.networksHelp")}</p>
          <div className="actions"><button type="submit" className="primary">{t("common.save")}</button>
            <span role="status" aria-live="polite">{done}</span></div>
        </>
      )}
    </form>
  );
}
