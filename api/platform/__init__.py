"""The open platform: OAuth apps and tokens, audit log, the caller's identity over HTTP, the
web console's session. Bearer authentication, its token cache and the rate limiter live in
the identity layer below (`api.identity`), which the runtime builds.

What other packages use, and all they may use (the import-linter contract "Other packages
use platform through its face" fails the build on a reach-in); the composition roots
(`api.app`, `api.routes`, `api.graphql`, `api.wiring`, ...) and `api.bootstrap` (which also
creates the web console's own app, `api.platform.web.ensure_web_app`) mount or call the rest
directly:

    apps_service       create, list and rotate an organisation's apps (bootstrap, `mailplane apps`)

The face stays this small on purpose: it is imported whenever any platform module is, so a
face importing the web console (which imports mail's face) would make every platform import
load mail.
"""

from api.platform.apps import service as apps_service

__all__ = ["apps_service"]
