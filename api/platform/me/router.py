"""REST endpoint `/v1/me`."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import Principal
from api.platform.me.service import describe
from schemas.platform import Me

router = APIRouter(prefix="/v1", tags=["me"])


@router.get("/me", response_model=Me)
async def get_me(principal: Principal) -> Me:
    """Who is calling: the app, the account it acts for (if any), the organisation, the scopes."""
    return describe(principal)
