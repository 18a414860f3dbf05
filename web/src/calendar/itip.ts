/** Just enough of an iTIP object (RFC 5546) to find the event an invitation mail is about. */

export interface Invitation { method: string; uid: string; day: string | null }

export function readInvitation(ics: string): Invitation | null {
  const lines = ics.replace(/\r?\n[ \t]/g, "").split(/\r?\n/);
  let method = "";
  let uid = "";
  let day: string | null = null;
  let inEvent = false;
  for (const line of lines) {
    const upper = line.toUpperCase();
    if (upper.startsWith("METHOD:")) method = line.slice(7).trim().toUpperCase();
    else if (upper === "BEGIN:VEVENT") inEvent = true;
    else if (upper === "END:VEVENT") {
      if (uid) break;
      inEvent = false;
    } else if (inEvent && upper.startsWith("UID") && /^UID[;:]/i.test(line)) uid = line.slice(line.indexOf(":") + 1).trim();
    else if (inEvent && !day && /^DTSTART[;:]/i.test(line)) {
      const m = /(\d{4})(\d{2})(\d{2})/.exec(line.slice(line.lastIndexOf(":") + 1));
      if (m) day = `${m[1]}-${m[2]}-${m[3]}`;
    }
  }
  return uid ? { method: method || "REQUEST", uid, day } : null;
}
