/** An API problem shown to the person: the server's localised detail and its stable code. */
import { useTranslation } from "react-i18next";
import type { Problem } from "../api/client";

export function ProblemBanner({ problem }: { problem: Problem | null | undefined }) {
  const { t } = useTranslation();
  if (!problem) return null;
  return (
    <p className="error" role="alert">
      {problem.detail || problem.title || t("common.failed")}
      {problem.code && <code className="code">{problem.code}</code>}
    </p>
  );
}
