/** What the server put in the page for a signed-in browser (`api/platform/web/boot.py`): the
 * session state and /v1/me, and opening /mail the inbox's first page, as a
 * JSON data block (never run). Each part is taken once: later loads ask the API as usual. */
import type { Schemas } from "./client";

export interface Boot {
  session?: { signed_in: boolean } & Record<string, unknown>;
  me?: Schemas["Me"];
  inbox?: { data: Schemas["MessageSummary"][]; next_cursor?: string | null };
}

let boot: Boot | null | undefined;

function read(): Boot {
  if (boot === undefined) {
    boot = null;
    try {
      const element = typeof document === "undefined" ? null : document.getElementById("mp-boot");
      if (element?.textContent) boot = JSON.parse(element.textContent) as Boot;
      element?.remove();
    } catch {
      boot = null;
    }
  }
  return boot ?? {};
}

/** One part of the bootstrap, handed out once. */
export function takeBoot<K extends keyof Boot>(key: K): Boot[K] | undefined {
  const found = read()[key];
  if (boot) delete boot[key];
  return found;
}

/** Without taking it: whether the page came with the part. */
export function peekBoot<K extends keyof Boot>(key: K): Boot[K] | undefined {
  return read()[key];
}
