/** Merging a fresh first page into the message list already loaded. */
import type { Summary } from "./mailApi";

/** `list` with its newest rows replaced by `head` (the newest page of the same view, fresh):
 * rows that came, went or changed within the head's span are as the server says; older
 * rows already loaded stay, and so does the scroll position among them. `complete`: the
 * head is the whole view. */
export function mergeHead(list: Summary[], head: Summary[], complete: boolean): Summary[] {
  if (complete) return head;
  const last = head[head.length - 1];
  if (!last) return list;
  const fresh = new Set(head.map((m) => m.id));
  const at = list.findIndex((m) => m.id === last.id);
  const rest = at >= 0 ? list.slice(at + 1) : list.filter((m) => m.received_at < last.received_at);
  return [...head, ...rest.filter((m) => !fresh.has(m.id))];
}
