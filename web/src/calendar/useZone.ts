/** The person's time zone: theirs from /v1/me (their own, else their organisation's). */
import { useSession } from "../app/session";
import { timeZone } from "../i18n/format";

export function useZone(): string {
  const { me } = useSession();
  return me?.time_zone || timeZone();
}
