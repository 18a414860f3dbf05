/** Messages waiting in Outbox (scheduled sends), each with its time and a cancel button that
 * puts it back in Drafts. */
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { problemOf, type Problem } from "../api/client";
import { ProblemBanner } from "../components/ProblemBanner";
import { cancelScheduled, listScheduled, type Scheduled } from "./composeApi";

export function ScheduledList({ account, onCancelled }: { account: string; onCancelled: (id: string) => void }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<Scheduled[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const load = useCallback(() => {
    listScheduled(account).then(setItems).catch((e) => setProblem(problemOf(e)));
  }, [account]);
  useEffect(load, [load]);
  const cancel = async (id: string) => {
    try {
      await cancelScheduled(account, id);
      onCancelled(id);
      load();
    } catch (e) {
      setProblem(problemOf(e));
    }
  };
  return (
    <section className="scheduled" aria-labelledby="scheduled-title">
      <h2 id="scheduled-title">{t("compose.scheduledTitle")}</h2>
      <ProblemBanner problem={problem} />
      {items.length === 0 ? <p>{t("compose.noneScheduled")}</p> : (
        <ul>
          {items.map((m) => (
            <li key={m.id} data-testid="scheduled-item">
              <span>{m.subject || t("mail.noSubject")}</span>{" "}
              <span>{(m.to ?? []).map((r) => r.address).join(", ")}</span>{" "}
              <time dateTime={m.send_at ?? ""}>{m.send_at ? new Date(m.send_at).toLocaleString() : ""}</time>{" "}
              <button type="button" onClick={() => void cancel(m.id)}>{t("compose.cancelSend")}</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
