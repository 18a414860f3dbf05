/** Bulk import: template, upload, dry-run preview per row, run with progress, results; export. */
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, must, problemOf, type Problem, type Schemas } from "../api/client";
import { ProblemBanner } from "../components/ProblemBanner";
import { StatusBadge } from "../components/StatusBadge";
import { saveBlob } from "./download";

type Job = Schemas["DirectoryImport"];
type Row = Schemas["DirectoryImportRow"];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function Import() {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [job, setJob] = useState<Job | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const template = async (format: "csv" | "xlsx") => {
    const r = await api.GET("/v1/directory/import-template", { params: { query: { format } }, parseAs: "blob" });
    if (r.data) saveBlob(r.data as Blob, `accounts-template.${format}`);
  };
  const exportAll = async () => {
    const r = await api.GET("/v1/directory/export", { params: { query: { format: "csv", encoding: "utf-8" } }, parseAs: "blob" });
    if (r.data) saveBlob(r.data as Blob, "accounts.csv");
  };
  const run = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    setRows([]);
    try {
      const format = file.name.toLowerCase().endsWith(".xlsx") ? "xlsx" : "csv";
      let current = must(await api.POST("/v1/directory/imports", {
        params: { query: { dry_run: dryRun, format, filename: file.name } },
        body: { file: file as unknown as string },
        bodySerializer: (body) => {
          const data = new FormData();
          data.append("file", body.file as unknown as Blob, file.name);
          return data;
        },
      }));
      setJob(current);
      while (current.status === "queued" || current.status === "running") {
        await sleep(400);
        current = must(await api.GET("/v1/directory/imports/{import_id}", { params: { path: { import_id: current.id } } }));
        setJob(current);
      }
      const all: Row[] = [];
      let cursor: string | null | undefined = undefined;
      do {
        const page: Schemas["Page_DirectoryImportRow_"] = must(await api.GET("/v1/directory/imports/{import_id}/rows", {
          params: { path: { import_id: current.id }, query: { limit: 500, ...(cursor ? { cursor } : {}) } },
        }));
        all.push(...page.data);
        cursor = page.next_cursor;
      } while (cursor && all.length < 5000);
      setRows(all);
    } catch (e) {
      setProblem(problemOf(e));
    } finally {
      setBusy(false);
    }
  };
  const counts = job?.counts;
  return (
    <section aria-labelledby="imp">
      <h1 id="imp">{t("import.title")}</h1>
      <div className="actions">
        <button type="button" onClick={() => void template("csv")}>{t("import.templateCsv")}</button>
        <button type="button" onClick={() => void template("xlsx")}>{t("import.templateXlsx")}</button>
        <button type="button" onClick={() => void exportAll()}>{t("import.export")}</button>
      </div>
      <p className="hint">{t("import.hint")}</p>
      <div className="toolbar">
        <label>{t("import.file")} <input type="file" accept=".csv,.xlsx,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} /></label>
        <button type="button" disabled={!file || busy} onClick={() => void run(true)}>{t("import.preview")}</button>
        <button type="button" className="primary" disabled={!file || busy || !job?.dry_run || job.status !== "completed"} onClick={() => void run(false)}>{t("import.run")}</button>
      </div>
      <ProblemBanner problem={problem} />
      {job && (
        <div className="panel" aria-live="polite">
          <p>
            {job.dry_run ? t("import.previewOf", { name: job.filename }) : t("import.runOf", { name: job.filename })}{" "}
            <StatusBadge status={job.status} />
          </p>
          <progress max={job.total_rows || 1} value={job.processed_rows ?? 0} aria-label={t("import.progress")} />
          {counts && (
            <p data-testid="import-counts">
              {t("import.counts", { created: counts.created ?? 0, updated: counts.updated ?? 0, unchanged: counts.unchanged ?? 0, error: counts.error ?? 0 })}
            </p>
          )}
          {job.error && <p className="error">{job.error}</p>}
        </div>
      )}
      {rows.length > 0 && (
        <div className="scroll">
          <table data-testid="import-rows">
            <thead><tr><th>{t("import.row")}</th><th>{t("accounts.address")}</th><th>{t("import.result")}</th><th>{t("import.reason")}</th></tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.row} data-status={r.status}>
                  <td>{r.row}</td><td>{r.address ?? "—"}</td>
                  <td><StatusBadge status={r.status} /></td>
                  <td>{r.reason ?? (r.changed.length ? r.changed.join(", ") : "")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
