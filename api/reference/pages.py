"""The HTML of the reference pages. Every `src` and `href` is a path on this server; the
pages' own scripts are files in `static/` (no inline script, so a strict CSP can apply)."""

from __future__ import annotations

from html import escape

_HEAD = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
{links}
</head>
<body>
{body}
</body>
</html>
"""


def _page(title: str, styles: list[str], scripts: list[str], body: str) -> str:
    links = "\n".join(f'<link rel="stylesheet" href="{escape(s)}">' for s in styles)
    tags = "\n".join(f'<script src="{escape(s)}"></script>' for s in scripts)
    return _HEAD.format(title=escape(title), links=links, body=body + "\n" + tags)


def swagger_ui(openapi_url: str) -> str:
    return _page(
        "Mailplane API · Swagger UI",
        ["/static/swagger-ui/swagger-ui.css", "/static/reference/reference.css"],
        ["/static/swagger-ui/swagger-ui-bundle.js", "/static/reference/swagger-init.js"],
        f'<nav class="mp-nav"><a href="/reference">Reference</a> · <a href="/graphql">GraphiQL</a>'
        f'</nav>\n<div id="swagger-ui" data-openapi-url="{escape(openapi_url)}"'
        ' data-oauth2-redirect-url="/docs/oauth2-redirect"></div>',
    )


def redoc(openapi_url: str) -> str:
    return _page(
        "Mailplane API · Reference",
        ["/static/reference/reference.css"],
        ["/static/redoc/redoc.standalone.js", "/static/reference/redoc-init.js"],
        f'<nav class="mp-nav"><a href="/docs">Try it (Swagger UI)</a> · <a href="/graphql">'
        f'GraphiQL</a></nav>\n<div id="redoc" data-openapi-url="{escape(openapi_url)}"></div>',
    )


def graphiql(endpoint: str) -> str:
    base = "/static/graphiql/"
    return _page(
        "Mailplane GraphQL · GraphiQL",
        [base + "graphiql.min.css", "/static/reference/reference.css"],
        [base + "react.production.min.js", base + "react-dom.production.min.js",
         base + "graphiql.min.js", "/static/reference/graphiql-init.js"],
        f'<div id="graphiql" class="mp-full" data-endpoint="{escape(endpoint)}"></div>',
    )


def oauth2_redirect() -> str:
    return _page("OAuth 2.0 redirect", [], ["/static/swagger-ui/oauth2-redirect.js"], "")
