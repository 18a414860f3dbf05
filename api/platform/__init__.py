"""The open platform: OAuth apps and tokens, audit log, the caller's identity over HTTP, the
web console's session. Bearer authentication, its token cache and the rate limiter live in
the identity layer below (`api.identity`), which the runtime builds.

What other packages use, and all they may use (the import-linter contract "Other packages
use platform through its face" fails the build on a reach-in); the composition roots
(`api.app`, `api.routes`, `api.graphql`, `api.wiring`, ...) mount its routers, middleware,
GraphQL types and jobs directly:

    apps_service       create an organisation's apps (bootstrap, `mailplane apps`)
    ensure_web_app     the web console's own app (bootstrap)
"""

from api.platform.apps import service as apps_service
from api.platform.web import ensure_web_app

__all__ = ["apps_service", "ensure_web_app"]
