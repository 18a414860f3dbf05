"""ETags for updatable resources and the If-Match precondition (412 when stale)."""

from __future__ import annotations

from fastapi import Request, Response

from api.errors import PreconditionFailed


def etag_for(resource_id: str, version: int) -> str:
    return f'W/"{resource_id}.{version}"'


def set_etag(response: Response, resource_id: str, version: int) -> None:
    response.headers["ETag"] = etag_for(resource_id, version)


def check_if_match(request: Request, resource_id: str, version: int) -> None:
    """Raise 412 when the caller sent If-Match and it names another version."""
    header = request.headers.get("if-match")
    if not header or header.strip() == "*":
        return
    wanted = {tag.strip() for tag in header.split(",")}
    current = etag_for(resource_id, version)
    if current not in wanted and current.removeprefix("W/") not in wanted:
        raise PreconditionFailed(
            "The resource changed since you read it; fetch it again and retry.",
            param="If-Match",
        )
