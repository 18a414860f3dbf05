"""REST endpoints for upload sessions: created under the account
(`/v1/accounts/{account}/mail/uploads`), then driven at their `upload_url`
(`/v1/uploads/{upload_id}`), which streams bodies past the JSON size limit."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status

from api.deps import DbSession, RuntimeDep
from api.mail.access import Mailbox, MailUploads
from api.mail.uploads import service
from schemas.mail import Upload, UploadCreate

router = APIRouter(tags=["mail"])

CHUNK_BODY = {
    "requestBody": {
        "required": True,
        "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
    },
    "parameters": [
        {
            "name": "Content-Range",
            "in": "header",
            "required": True,
            "schema": {"type": "string"},
            "description": "bytes <start>-<end>/<total>",
        }
    ],
}


@router.post(
    "/v1/accounts/{account}/mail/uploads",
    status_code=status.HTTP_201_CREATED,
    response_model=Upload,
)
async def create_mail_upload(
    body: UploadCreate,
    principal: MailUploads,
    session: DbSession,
    owner: Mailbox,
    runtime: RuntimeDep,
) -> Upload:
    """Start a resumable upload of a file to attach (any size up to the configured limit).

    PUT its bytes to `upload_url` in chunks with `Content-Range`, in any order; GET it to
    see which ranges arrived; commit it; then attach it by `upload_id`. Unfinished uploads
    expire after 24 hours."""
    return service.view(await service.create_upload(session, runtime, owner, body))


@router.get("/v1/uploads/{upload_id}", response_model=Upload)
async def get_mail_upload(upload_id: str, principal: MailUploads, session: DbSession) -> Upload:
    """An upload session and the byte ranges it holds (to resume after a failure)."""
    return service.view(await service.get_upload(session, principal, upload_id))


@router.put("/v1/uploads/{upload_id}", response_model=Upload, openapi_extra=CHUNK_BODY)
async def put_mail_upload_chunk(
    upload_id: str, principal: MailUploads, runtime: RuntimeDep, request: Request
) -> Upload:
    """Upload one chunk: the body is the bytes of `Content-Range: bytes a-b/total`.

    416 for a range outside the file, 422 for a total other than the declared size, an
    overlap with bytes already received (`range_overlap`) or a body of the wrong length."""
    return await service.put_chunk(
        runtime,
        principal,
        upload_id,
        request.headers.get("content-range"),
        request.headers.get("content-length"),
        request.stream(),
    )


@router.post("/v1/uploads/{upload_id}/commit", response_model=Upload)
async def commit_mail_upload(
    upload_id: str,
    principal: MailUploads,
    runtime: RuntimeDep,
    sha256: Annotated[
        str | None,
        Query(
            min_length=64,
            max_length=64,
            pattern="^[0-9a-fA-F]+$",
            description="Verify the content's SHA-256",
        ),
    ] = None,
) -> Upload:
    """Finish an upload once every byte arrived (422 `upload_incomplete` before); pass
    `sha256` to have the content verified."""
    return await service.commit_upload(runtime, principal, upload_id, sha256)


@router.delete("/v1/uploads/{upload_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_mail_upload(
    upload_id: str, principal: MailUploads, session: DbSession, runtime: RuntimeDep
) -> Response:
    """Cancel an upload and discard its bytes."""
    upload = await service.get_upload(session, principal, upload_id)
    await service.delete_upload(session, runtime, upload)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
