/** Copy a value to the clipboard, announcing the result to screen readers. */
import { useState } from "react";
import { useTranslation } from "react-i18next";

export function CopyButton({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation();
  const [done, setDone] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      const area = document.createElement("textarea");
      area.value = value;
      document.body.appendChild(area);
      area.select();
      document.execCommand("copy");
      area.remove();
    }
    setDone(true);
    setTimeout(() => setDone(false), 1500);
  };
  return (
    <button type="button" className="small" onClick={() => void copy()} aria-label={t("common.copyWhat", { what: label })}>
      {done ? t("common.copied") : t("common.copy")}
      <span className="sr-only" aria-live="polite">{done ? t("common.copied") : ""}</span>
    </button>
  );
}
