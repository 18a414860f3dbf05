/** The API reference served by Mailplane itself (no CDN): Swagger UI, OpenAPI, GraphiQL. */
import { useTranslation } from "react-i18next";

export function Reference() {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="ref">
      <h1 id="ref">{t("reference.title")}</h1>
      <p>{t("reference.body")}</p>
      <ul className="links">
        <li><a href="/docs">{t("reference.docs")}</a></li>
        <li><a href="/openapi.json">{t("reference.openapi")}</a></li>
        <li><a href="/graphql">{t("reference.graphiql")}</a></li>
        <li><a href="/.well-known/oauth-authorization-server">{t("reference.oauth")}</a></li>
      </ul>
    </section>
  );
}
