/** The folders with their unread counts; system folders named in the person's language. */
import { useTranslation } from "react-i18next";
import type { Folder } from "./mailApi";

const ORDER = ["inbox", "drafts", "sent", "outbox", "archive", "junk", "trash"];

export function folderName(folder: Folder, t: (key: string) => string): string {
  return folder.role && ORDER.includes(folder.role) ? t(`mail.folders.${folder.role}`) : folder.name;
}

export function FolderList({ folders, selected, onSelect }: {
  folders: Folder[]; selected?: string; onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  const rank = (f: Folder) => (f.role && ORDER.includes(f.role) ? ORDER.indexOf(f.role) : ORDER.length);
  const sorted = [...folders].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, "zh-CN"));
  return (
    <nav className="mail-folders" aria-label={t("mail.foldersLabel")}>
      <ul>
        {sorted.map((f) => (
          <li key={f.id}>
            <button
              type="button" aria-current={f.id === selected ? "true" : undefined}
              data-role={f.role ?? ""} onClick={() => onSelect(f.id)}
            >
              <span>{folderName(f, t)}</span>
              {f.unread_count > 0 && (
                <span className="unread-count" aria-label={t("mail.unreadCount", { count: f.unread_count })}>
                  {f.unread_count}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
