/** Import a .vcf file into the address book, or export the book as one. */
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { problemOf, type Problem } from "../api/client";
import { ProblemBanner } from "../components/ProblemBanner";
import { saveBlob } from "../console/download";
import { exportVcards, importVcards } from "./contactsApi";

export function VcardFiles({ account, book, onImported }: { account: string; book: string; onImported: () => void }) {
  const { t } = useTranslation();
  const file = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [done, setDone] = useState("");
  const run = async (fn: () => Promise<void>) => {
    setProblem(null);
    setDone("");
    try {
      await fn();
    } catch (e) {
      setProblem(problemOf(e));
    }
  };
  return (
    <div className="inline vcard-files">
      <label>{t("contacts.importFile")}
        <input ref={file} type="file" accept=".vcf,text/vcard" onChange={(e) => {
          const chosen = e.target.files?.[0];
          if (chosen) void run(async () => {
            const result = await importVcards(account, book, await chosen.text());
            setDone(t("contacts.imported", { created: result.created, updated: result.updated, groups: result.groups }));
            if (file.current) file.current.value = "";
            onImported();
          });
        }} />
      </label>
      <button type="button" onClick={() => void run(async () => saveBlob(await exportVcards(account, book), "contacts.vcf"))}>
        {t("contacts.export")}
      </button>
      {done && <p role="status" data-testid="import-result">{done}</p>}
      <ProblemBanner problem={problem} />
    </div>
  );
}
