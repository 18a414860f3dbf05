"""REST endpoint `/v1/me`."""

from __future__ import annotations

from fastapi import APIRouter, Response

from api.deps import Principal
from api.platform.me.service import describe
from schemas.platform import Me

router = APIRouter(prefix="/v1", tags=["me"])


@router.get("/me", response_model=Me)
async def get_me(principal: Principal) -> Response:
    """Who is calling: the app, the account it acts for (if any), the organisation, the scopes."""
    # `describe` already validated the model: serialise it once instead of FastAPI dumping
    # it to a dict, validating that against `Me` again and serialising the copy.
    return Response(describe(principal).model_dump_json(), media_type="application/json")
