/** The webmail's keyboard shortcuts, ignored while typing in a field. */
import { useEffect, useRef } from "react";

export interface MailKeys {
  next: () => void;
  previous: () => void;
  open: () => void;
  reply: () => void;
  replyAll?: () => void;
  forward?: () => void;
  archive: () => void;
  remove: () => void;
  search: () => void;
  compose: () => void;
}

const TYPING = new Set(["INPUT", "TEXTAREA", "SELECT"]);

export function useMailKeys(keys: MailKeys, enabled: boolean): void {
  const ref = useRef(keys);
  ref.current = keys;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.ctrlKey || e.metaKey || e.altKey || (target && (TYPING.has(target.tagName) || target.isContentEditable))) return;
      const k = ref.current;
      const map: Record<string, () => void> = {
        j: k.next, k: k.previous, o: k.open, Enter: k.open, r: k.reply,
        e: k.archive, "#": k.remove, "/": k.search, c: k.compose,
        ...(k.replyAll ? { a: k.replyAll } : {}), ...(k.forward ? { f: k.forward } : {}),
      };
      const action = map[e.key];
      if (!action || (e.key === "Enter" && target?.tagName === "BUTTON")) return;
      e.preventDefault();
      action();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [enabled]);
}
