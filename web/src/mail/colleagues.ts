/** Colleagues' names for the look-alike check: when a message from outside the organisation
 * carries a display name, the directory (GAL) is asked for that name with the person's own
 * token and visibility (GET /v1/accounts?q=, a range scan over the search terms), and the
 * names of colleagues other than the sender come back. Internal mail and nameless senders cost
 * no request. */
import { useEffect, useState } from "react";
import { api, must, type Schemas } from "../api/client";
import { sameName } from "./senderCheck";

type Sender = { name?: string | null; address: string } | null | undefined;
type Colleague = Pick<Schemas["Account"], "display_name" | "address" | "aliases">;

/** The display name to look up, or null when there is nothing to check. */
export function nameToCheck(from: Sender, ownDomains: string[]): string | null {
  if (!from?.name) return null;
  const domain = (from.address.split("@")[1] ?? "").toLowerCase();
  if (ownDomains.some((d) => d.toLowerCase() === domain)) return null;
  const name = sameName(from.name);
  return name && !name.includes("@") ? name : null;
}

/** The colleagues' names among directory answers, leaving out the sender's own account. */
export function colleagueNames(sender: string, found: Colleague[]): string[] {
  const who = sender.toLowerCase();
  return found
    .filter((a) => a.address.toLowerCase() !== who && !a.aliases.some((x) => x.toLowerCase() === who))
    .map((a) => a.display_name);
}

export async function findColleagues(name: string): Promise<Colleague[]> {
  return must(await api.GET("/v1/accounts", { params: { query: { q: name, limit: 20 } } })).data;
}

export function useColleagueNames(from: Sender, ownDomains: string[]): string[] {
  const [names, setNames] = useState<string[]>([]);
  const name = nameToCheck(from, ownDomains);
  const sender = from?.address ?? "";
  useEffect(() => {
    setNames([]);
    if (!name) return;
    let live = true;
    findColleagues(name)
      .then((found) => live && setNames(colleagueNames(sender, found)))
      .catch(() => undefined); // no directory answer: no warning, the other checks still run
    return () => { live = false; };
  }, [name, sender]);
  return names;
}
