"""Client autoconfiguration generated from settings: Thunderbird config-v1.1.xml (both
paths), Outlook Autodiscover POX, and a person's Apple configuration profile."""

from __future__ import annotations

import plistlib
from xml.etree import ElementTree as ET

import httpx

from tests.factories.platform import OrgHandle


async def test_thunderbird_autoconfig_lists_imap_pop3_and_submission(
    client: httpx.AsyncClient,
) -> None:
    for path in ("/.well-known/autoconfig/mail/config-v1.1.xml", "/mail/config-v1.1.xml"):
        resp = await client.get(path, params={"emailaddress": "alice@acme.test"})
        assert resp.status_code == 200 and resp.headers["content-type"].startswith(
            "application/xml")
        root = ET.fromstring(resp.content)
        provider = root.find("emailProvider")
        assert provider is not None and provider.get("id") == "acme.test"
        servers = [(s.tag, s.get("type"), s.findtext("port"), s.findtext("socketType"),
                    s.findtext("hostname")) for s in provider
                   if s.tag in ("incomingServer", "outgoingServer")]
        assert ("incomingServer", "imap", "9930", "SSL", "mail.mailplane.test") in servers
        assert ("incomingServer", "imap", "1143", "STARTTLS", "mail.mailplane.test") in servers
        assert ("incomingServer", "pop3", "9950", "SSL", "mail.mailplane.test") in servers
        assert ("outgoingServer", "smtp", "5870", "STARTTLS", "mail.mailplane.test") in servers


async def test_autoconfig_refuses_what_is_not_an_address(client: httpx.AsyncClient) -> None:
    resp = await client.get("/.well-known/autoconfig/mail/config-v1.1.xml",
                            params={"emailaddress": "<script>@x"})
    assert resp.status_code == 422 and resp.json()["param"] == "emailaddress"


async def test_outlook_autodiscover_pox(client: httpx.AsyncClient) -> None:
    body = (b'<?xml version="1.0" encoding="utf-8"?><Autodiscover xmlns="http://schemas.'
            b'microsoft.com/exchange/autodiscover/outlook/requestschema/2006"><Request>'
            b"<EMailAddress>alice@acme.test</EMailAddress><AcceptableResponseSchema>http://"
            b"schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"
            b"</AcceptableResponseSchema></Request></Autodiscover>")
    resp = await client.post("/autodiscover/autodiscover.xml", content=body)
    assert resp.status_code == 200
    ns = {"r": "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"}
    root = ET.fromstring(resp.content)
    protocols = {p.findtext("r:Type", namespaces=ns): (p.findtext("r:Port", namespaces=ns),
                                                       p.findtext("r:LoginName", namespaces=ns))
                 for p in root.iter(f"{{{ns['r']}}}Protocol")}
    assert protocols == {"IMAP": ("9930", "alice@acme.test"), "POP3": ("9950", "alice@acme.test"),
                         "SMTP": ("4650", "alice@acme.test")}
    missing = await client.post("/autodiscover/autodiscover.xml", content=b"<Autodiscover/>")
    assert missing.status_code == 422


async def test_apple_profile_for_a_person_needs_mail_read(
    client: httpx.AsyncClient, org: OrgHandle
) -> None:
    await org.add_account("alice")
    url = "/v1/accounts/alice@acme.test/mail/client_profile"
    assert (await client.get(url)).status_code == 401
    resp = await client.get(url, headers=await org.headers())
    assert resp.status_code == 200
    assert resp.headers["content-type"] == "application/x-apple-aspen-config"
    profile = plistlib.loads(resp.content)
    [mail] = profile["PayloadContent"]
    assert (mail["EmailAddress"], mail["IncomingMailServerPortNumber"],
            mail["IncomingMailServerUseSSL"], mail["OutgoingMailServerPortNumber"]) == \
        ("alice@acme.test", 9930, True, 4650)
    assert not any("Password" in k and k != "OutgoingPasswordSameAsIncomingPassword"
                   for k in mail)
    other = await client.get("/v1/accounts/nobody@globex.test/mail/client_profile",
                             headers=await org.headers())
    assert other.status_code == 404
