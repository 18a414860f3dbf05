/** Cursor pagination: a stack of cursors so "previous" works without offsets. */
import { useTranslation } from "react-i18next";

export function Pager({ cursors, next, onPage }: {
  cursors: (string | null)[];
  next: string | null | undefined;
  onPage: (stack: (string | null)[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <nav className="pager" aria-label={t("common.pages")}>
      <button type="button" disabled={cursors.length <= 1} onClick={() => onPage(cursors.slice(0, -1))}>
        {t("common.previous")}
      </button>
      <span>{t("common.page", { n: cursors.length })}</span>
      <button type="button" disabled={!next} onClick={() => next && onPage([...cursors, next])}>
        {t("common.next")}
      </button>
    </nav>
  );
}
