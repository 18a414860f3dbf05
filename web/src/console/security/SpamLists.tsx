/** The organisation's spam allow and block lists (/v1/mail/spam/allowlist|blocklist). */
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, must } from "../../api/client";
import { useLoad } from "../../components/useLoad";
import { ProblemBanner } from "../../components/ProblemBanner";
import { formatDateTime } from "../../i18n/format";
import { useAction } from "./useAction";

type Which = "allowlist" | "blocklist";

function SpamList({ which }: { which: Which }) {
  const { t } = useTranslation();
  const path = `/v1/mail/spam/${which}` as "/v1/mail/spam/allowlist";
  const list = useLoad(() => api.GET(path, { params: { query: { limit: 500 } } }).then(must), [which]);
  const [form, setForm] = useState({ value: "", note: "" });
  const { problem, done, act } = useAction(list.reload);
  const add = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => {
      must(await api.POST(path, { body: { value: form.value.trim(), note: form.note } }));
      setForm({ value: "", note: "" });
    }, t("security.added", { value: form.value.trim() }));
  };
  const remove = (id: string, value: string) =>
    void act(async () => {
      const r = await api.DELETE(`/v1/mail/spam/${which}/{entry_id}` as "/v1/mail/spam/allowlist/{entry_id}", {
        params: { path: { entry_id: id } },
      });
      if (!r.response.ok) must(r);
    }, t("security.removed", { value }));
  const heading = `sec-${which}`;
  return (
    <section className="panel" aria-labelledby={heading} data-testid={which}>
      <h3 id={heading}>{t(`security.${which}`)}</h3>
      <p>{t(`security.${which}Help`)}</p>
      <form className="toolbar" onSubmit={add} aria-label={t(`security.${which}Add`)}>
        <label>{t("security.sender")}<input required value={form.value} placeholder="partner.com / ceo@partner.com"
          onChange={(e) => setForm({ ...form, value: e.target.value })} /></label>
        <label>{t("security.note")}<input value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} /></label>
        <button type="submit">{t("common.add")}</button>
      </form>
      <ProblemBanner problem={list.error ?? problem} />
      <p role="status" aria-live="polite">{done}</p>
      <table>
        <thead><tr><th>{t("security.sender")}</th><th>{t("security.scope")}</th><th>{t("security.note")}</th><th>{t("apps.created")}</th>
          <th><span className="sr-only">{t("common.remove")}</span></th></tr></thead>
        <tbody>
          {(list.data?.data ?? []).map((e) => (
            <tr key={e.id}>
              <td>{e.value}</td><td>{t(`security.scope_${e.scope}`, { defaultValue: e.scope })}</td><td>{e.note || "—"}</td>
              <td>{formatDateTime(e.created_at)}</td>
              <td><button type="button" className="small danger" aria-label={t("security.removeWhat", { value: e.value })}
                onClick={() => remove(e.id, e.value)}>{t("common.remove")}</button></td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function SpamLists() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="sec-spam">
      <h2 id="sec-spam">{t("security.spam")}</h2>
      <SpamList which="allowlist" />
      <SpamList which="blocklist" />
    </section>
  );
}
