"""The web app's server side: the backend-for-frontend sign-in (`/web/session/*`), the
cookie-to-bearer middleware, the webmail's reading frame (`/web/mail/*`), and the built
single-page application with its CSP."""

from api.platform.web.mail_frame import router as mail_frame_router
from api.platform.web.middleware import WebSessionMiddleware
from api.platform.web.router import router
from api.platform.web.service import ensure_web_app
from api.platform.web.static import router as static_router

__all__ = [
    "WebSessionMiddleware",
    "ensure_web_app",
    "mail_frame_router",
    "router",
    "static_router",
]
