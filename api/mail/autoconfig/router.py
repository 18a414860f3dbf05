"""Autoconfiguration endpoints: Thunderbird's (`/.well-known/autoconfig/...` and, on an
`autoconfig.<domain>` host, `/mail/config-v1.1.xml`), Outlook's Autodiscover POX, and a
person's Apple configuration profile."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from api.deps import DbSession, MailRead, RuntimeDep
from api.mail.access import Mailbox
from api.mail.autoconfig import service

public = APIRouter(tags=["mail"], include_in_schema=False)
router = APIRouter(prefix="/v1/accounts/{account}/mail", tags=["mail"])

XML = "application/xml; charset=utf-8"


@public.get("/.well-known/autoconfig/mail/config-v1.1.xml")
@public.get("/mail/config-v1.1.xml")
async def get_thunderbird_autoconfig(
    runtime: RuntimeDep, emailaddress: str | None = None
) -> Response:
    """Thunderbird autoconfig (config-v1.1.xml) for the address's domain."""
    return Response(service.thunderbird(runtime.settings, emailaddress), media_type=XML)


@public.post("/autodiscover/autodiscover.xml")
@public.post("/Autodiscover/Autodiscover.xml")
async def post_outlook_autodiscover(request: Request, runtime: RuntimeDep) -> Response:
    """Outlook Autodiscover (POX): IMAP, POP3 and SMTP settings for the EMailAddress."""
    address = service.autodiscover_request_address(await request.body())
    return Response(service.autodiscover(runtime.settings, address), media_type=XML)


@router.get(
    "/client_profile",
    responses={200: {"content": {"application/x-apple-aspen-config": {}},
                     "description": "An Apple configuration profile (.mobileconfig)."}},
)
async def get_mail_client_profile(
    principal: MailRead, session: DbSession, owner: Mailbox, runtime: RuntimeDep
) -> Response:
    """An Apple configuration profile (.mobileconfig) setting up this mailbox over IMAP and
    SMTP submission on iPhone, iPad and macOS; the device asks for the password.

    Scopes: `mail:read`. Problem codes: `not_found`."""
    body = service.mobileconfig(runtime.settings, owner.address, owner.display_name or "")
    return Response(body, media_type="application/x-apple-aspen-config", headers={
        "Content-Disposition": 'attachment; filename="mailplane.mobileconfig"'})
