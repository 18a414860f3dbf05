"""REST endpoints for bulk import and export (`/v1/directory/imports`, `/v1/directory/export`)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request, Response, status
from fastapi.responses import StreamingResponse
from starlette.datastructures import UploadFile

from api.deps import ClientIp, DbSession, DirectoryRead, DirectoryWrite, RuntimeDep
from api.directory.errors import ImportMalformed
from api.directory.imports import activation, export, formats, service
from api.directory.notices import send_activation_mail
from api.errors import MalformedRequest, PayloadTooLarge, ValidationFailed
from api.i18n import _
from api.kit.pagination import Page, PageParams, page_params
from api.storage.models import DirectoryImport as ImportRow
from schemas import directory as schemas

router = APIRouter(prefix="/v1/directory", tags=["imports"])

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_UPLOAD = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {"file": {"type": "string", "format": "binary"}},
                    "required": ["file"],
                }
            }
        },
    }
}


def import_schema(job: ImportRow) -> schemas.DirectoryImport:
    return schemas.DirectoryImport(
        id=job.id,
        status=job.status,  # type: ignore[arg-type]
        dry_run=job.dry_run,
        format=job.format,  # type: ignore[arg-type]
        filename=job.filename,
        size=job.size,
        total_rows=job.total_rows,
        processed_rows=job.processed_rows,
        counts=schemas.ImportCounts(**(job.counts or {})),
        error=job.error,
        created_at=job.created_at,
        started_at=job.started_at,
        finished_at=job.finished_at,
    )


async def _read_upload(request: Request, limit: int) -> tuple[bytes, str]:
    """The uploaded file, streamed in with a hard size limit: raw body or multipart `file`."""
    length = request.headers.get("content-length")
    too_big = PayloadTooLarge(_(
        "Import files are limited to {limit} bytes.", limit=limit
    ), param="file")
    if length is not None and length.isdigit() and int(length) > limit:
        raise too_big
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_big
        chunks.append(chunk)
    body = b"".join(chunks)
    if request.headers.get("content-type", "").startswith("multipart/form-data"):
        request._body = body  # let Starlette parse the multipart body we already read
        try:
            form = await request.form(max_files=1, max_fields=10)
        except Exception:  # python-multipart raises several types for broken bodies
            raise MalformedRequest("The multipart body is malformed.", param="file") from None
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise ValidationFailed("Send the file in a multipart field named `file`.", param="file")
        return await upload.read(), upload.filename or ""
    return body, ""


@router.get(
    "/import-template",
    response_class=Response,
    responses={200: {"content": {"text/csv": {}, XLSX_TYPE: {}}}},
)
async def get_import_template(
    principal: DirectoryRead,
    format: Annotated[Literal["csv", "xlsx"], Query(description="csv (UTF-8) or xlsx.")] = "csv",
    lang: Annotated[
        Literal["en", "zh-CN"],
        Query(description="Header names: English column names, or the Chinese ones (邮箱地址, "
              "姓名, 部门, 工号, 手机, 初次登录修改密码 …)."),
    ] = "en",
) -> Response:
    """The import file's columns with one example row, with English or Chinese header names
    (both are accepted on import, as are 邮箱, 手机号, 首次登录修改密码 …); departments are
    paths like `Sales/East`. Rows without a password get none: hand out activation links
    (`POST /v1/directory/imports/{id}/activation-links`)."""
    body = formats.template(format, lang)
    media = "text/csv; charset=utf-8" if format == "csv" else XLSX_TYPE
    return Response(
        body,
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="accounts-template.{format}"'},
    )


@router.post(
    "/imports",
    status_code=status.HTTP_202_ACCEPTED,
    response_model=schemas.DirectoryImport,
    openapi_extra=_UPLOAD,
)
async def create_import(
    request: Request,
    principal: DirectoryWrite,
    session: DbSession,
    runtime: RuntimeDep,
    ip: ClientIp,
    response: Response,
    dry_run: Annotated[
        bool, Query(description="Report what would happen; change nothing.")
    ] = False,
    format: Annotated[
        Literal["csv", "xlsx"] | None, Query(description="Default: detected.")
    ] = None,
    filename: Annotated[str | None, Query(max_length=255)] = None,
) -> schemas.DirectoryImport:
    """Upload accounts as CSV (UTF-8, UTF-16 or GB18030/GBK) or XLSX, as the multipart field
    `file` or as the raw body. The file's structure is checked at once (413 over the size
    limit, 422 for broken quoting, unknown columns, zip bombs or too many rows); rows are then
    imported by a job: poll the returned resource, read per-row results under `/rows`, and
    get `directory.import.completed` when it ends. Rows match existing accounts by address,
    then employee number, so re-running a file is safe."""
    data, uploaded_name = await _read_upload(request, runtime.settings.directory_import_max_bytes)
    if not data:
        raise ImportMalformed("The file is empty.", param="file")
    job = await service.create_import(
        session,
        runtime,
        principal.org_id,
        data,
        filename=filename or uploaded_name,
        fmt=format,
        dry_run=dry_run,
        actor=principal,
        ip=ip,
    )
    response.headers["Location"] = f"/v1/directory/imports/{job.id}"
    return import_schema(job)


@router.get("/imports/{import_id}", response_model=schemas.DirectoryImport)
async def get_import(
    import_id: str, principal: DirectoryWrite, session: DbSession
) -> schemas.DirectoryImport:
    """An import's state, progress and totals."""
    return import_schema(await service.get_import(session, principal.org_id, import_id))


@router.get("/imports/{import_id}/rows", response_model=Page[schemas.DirectoryImportRow])
async def list_import_rows(
    import_id: str,
    principal: DirectoryWrite,
    session: DbSession,
    page: Annotated[PageParams, Depends(page_params)],
    status: Annotated[Literal["created", "updated", "unchanged", "error"] | None, Query()] = None,
) -> Page[schemas.DirectoryImportRow]:
    """Per-row results in file order: `created | updated | unchanged | error` with the reason."""
    await service.get_import(session, principal.org_id, import_id)
    rows, cursor = await service.list_rows(session, principal.org_id, import_id, page, status)
    return Page[schemas.DirectoryImportRow](
        data=[schemas.DirectoryImportRow.model_validate(r) for r in rows], next_cursor=cursor
    )


@router.get(
    "/export",
    response_class=StreamingResponse,
    responses={200: {"content": {"text/csv": {}, XLSX_TYPE: {}}}},
)
async def export_accounts(
    principal: DirectoryWrite,
    runtime: RuntimeDep,
    format: Annotated[Literal["csv", "xlsx"], Query()] = "csv",
    encoding: Annotated[
        Literal["utf-8", "gb18030", "gbk"],
        Query(description="CSV only: gbk or gb18030 for Excel on Chinese Windows."),
    ] = "utf-8",
    lang: Annotated[Literal["en", "zh-CN"], Query(description="Header names.")] = "en",
) -> StreamingResponse:
    """Every account (not deleted) in the import's columns, streamed. Cells that a
    spreadsheet would run as a formula (`=`, `+`, `-`, `@` …) are prefixed with `'`.
    Characters GBK lacks are written as `?` with `encoding=gbk` (gb18030 has them all)."""
    if format == "xlsx":
        return StreamingResponse(
            export.xlsx_stream(runtime, principal.org_id, lang),
            media_type=XLSX_TYPE,
            headers={"Content-Disposition": 'attachment; filename="accounts.xlsx"'},
        )
    return StreamingResponse(
        export.csv_stream(runtime, principal.org_id, encoding, lang),
        media_type=f"text/csv; charset={encoding}",
        headers={"Content-Disposition": 'attachment; filename="accounts.csv"'},
    )


@router.post(
    "/imports/{import_id}/activation-links", response_model=Page[schemas.ImportActivationLink]
)
async def create_import_activation_links(
    import_id: str,
    principal: DirectoryWrite,
    session: DbSession,
    runtime: RuntimeDep,
    ip: ClientIp,
    page: Annotated[PageParams, Depends(page_params)],
    body: schemas.ImportActivationLinksCreate | None = None,
) -> Page[schemas.ImportActivationLink]:
    """One-time set-password links for the accounts this import created without a password
    (rows with an empty password column), in row order, `limit` per call (follow
    `next_cursor`). Each URL is in this response only: deliver it through your own channel,
    or set `send_to_recovery_email` to mail it to the account's `recovery_email`. Asking
    again issues new links and retires the earlier ones; activated accounts drop out."""
    data = body or schemas.ImportActivationLinksCreate()
    issued, cursor = await activation.issue_for_import(
        session, principal.org_id, import_id, data, page,
        issuer=runtime.settings.issuer, actor=principal, ip=ip,
    )
    for item in issued:
        if item.sent_to:
            await send_activation_mail(
                session, runtime, item.account, item.link.url, item.link.expires_at
            )
    return Page[schemas.ImportActivationLink](
        data=[
            schemas.ImportActivationLink(
                row=i.row, account_id=i.account.id, address=i.account.address,
                url=i.link.url, expires_at=i.link.expires_at, sent_to=i.sent_to,
            )
            for i in issued
        ],
        next_cursor=cursor,
    )
