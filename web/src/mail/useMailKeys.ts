/** The webmail's keyboard shortcuts, ignored while typing in a field:
 * j/k next/previous, Enter/o open, x select, r reply, a reply all, f forward, s flag,
 * u read/unread, e archive, # delete, ! junk / not junk, v move, / search, c compose. */
import { useEffect, useRef } from "react";

export interface MailKeys {
  next: () => void;
  previous: () => void;
  open: () => void;
  select: () => void;
  reply: () => void;
  replyAll: () => void;
  forward: () => void;
  flag: () => void;
  toggleSeen: () => void;
  archive: () => void;
  remove: () => void;
  junk: () => void;
  move: () => void;
  search: () => void;
  compose: () => void;
}

const TYPING = new Set(["INPUT", "TEXTAREA", "SELECT"]);

export function keyMap(k: MailKeys): Record<string, () => void> {
  return {
    j: k.next, k: k.previous, o: k.open, Enter: k.open, x: k.select, r: k.reply, a: k.replyAll,
    f: k.forward, s: k.flag, u: k.toggleSeen, e: k.archive, "#": k.remove, "!": k.junk,
    v: k.move, "/": k.search, c: k.compose,
  };
}

export function useMailKeys(keys: MailKeys, enabled: boolean): void {
  const ref = useRef(keys);
  ref.current = keys;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.ctrlKey || e.metaKey || e.altKey || (target && (TYPING.has(target.tagName) || target.isContentEditable))) return;
      const action = keyMap(ref.current)[e.key];
      if (!action || (e.key === "Enter" && target?.tagName === "BUTTON")) return;
      e.preventDefault();
      action();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [enabled]);
}
