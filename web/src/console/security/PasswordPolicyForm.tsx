/** The organisation's password rules (GET/PATCH /v1/directory/password-policy). */
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, must, type Schemas } from "../../api/client";
import { useLoad } from "../../components/useLoad";
import { ProblemBanner } from "../../components/ProblemBanner";
import { useAction } from "./useAction";

type Policy = Schemas["PasswordPolicy"];
const RULES = ["require_lowercase", "require_uppercase", "require_digit", "require_symbol", "forbid_user_name"] as const;

export function PasswordPolicyForm() {
  const { t } = useTranslation();
  const policy = useLoad(() => api.GET("/v1/directory/password-policy").then(must), []);
  const [form, setForm] = useState<Policy | null>(null);
  const { problem, done, act } = useAction(policy.reload);
  useEffect(() => setForm(policy.data ?? null), [policy.data]);
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    void act(async () => must(await api.PATCH("/v1/directory/password-policy", { body: form })), t("security.saved"));
  };
  return (
    <form className="panel grid" onSubmit={save} aria-labelledby="sec-policy" data-testid="password-policy">
      <h2 id="sec-policy" className="wide">{t("security.policy")}</h2>
      <ProblemBanner problem={policy.error ?? problem} />
      {form && (
        <>
          <label>{t("security.minLength")}
            <input type="number" min={8} max={128} required value={form.min_length}
              onChange={(e) => setForm({ ...form, min_length: Number(e.target.value) })} />
          </label>
          <fieldset className="wide scopes"><legend>{t("security.rules")}</legend>
            {RULES.map((rule) => (
              <label key={rule} className="check">
                <input type="checkbox" checked={form[rule]} onChange={(e) => setForm({ ...form, [rule]: e.target.checked })} />
                {t(`security.${rule}`)}
              </label>
            ))}
          </fieldset>
          <div className="actions"><button type="submit" className="primary">{t("common.save")}</button>
            <span role="status" aria-live="polite">{done}</span></div>
        </>
      )}
    </form>
  );
}
