/** A coloured, labelled status (never colour alone). */
import { useTranslation } from "react-i18next";

const TONE: Record<string, string> = {
  ok: "good", active: "good", verified: "good", succeeded: "good", completed: "good", delivered: "good",
  missing: "bad", mismatch: "bad", failed: "bad", frozen: "warn", disabled: "bad", error: "bad",
  pending: "warn", running: "warn", locked: "bad", watching: "warn", deleted: "muted", cancelled: "muted", unchecked: "muted",
};

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <span className={`badge ${TONE[status] ?? "muted"}`}>{t(`status.${status}`, { defaultValue: status })}</span>;
}
