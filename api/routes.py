"""The one list of REST routers."""

from __future__ import annotations

from fastapi import APIRouter

from api.ops.router import router as ops_router
from api.platform.apps.router import router as apps_router
from api.platform.audit.router import router as audit_router
from api.platform.me.router import router as me_router
from api.platform.oauth.router import router as oauth_router

ROUTERS: list[APIRouter] = [
    ops_router,
    oauth_router,
    me_router,
    apps_router,
    audit_router,
]
