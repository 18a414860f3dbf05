"""What a mail client needs to set itself up from an address: the IMAP, POP3 and
submission servers, ports and security, as Thunderbird's config-v1.1.xml, Outlook's
Autodiscover POX answer and an Apple .mobileconfig. Nothing here reveals whether an
address exists: the answer depends on the settings and the address's shape only."""

from __future__ import annotations

import plistlib
import re
import uuid
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from api.config import Settings
from api.errors import ValidationFailed

_ADDRESS = re.compile(r"^[^@\s<>\"]{1,64}@([A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.)+[A-Za-z]{2,63})$")
AUTODISCOVER_NS = "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006"
OUTLOOK_NS = "http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a"


@dataclass(frozen=True)
class Endpoint:
    kind: str  # imap | pop3 | smtp
    port: int
    socket: str  # SSL | STARTTLS


def check_address(address: str) -> str:
    address = address.strip()
    if not _ADDRESS.match(address):
        raise ValidationFailed("Give a mail address like name@example.com.",
                               param="emailaddress")
    return address


def hostname(settings: Settings) -> str:
    return settings.imap_hostname or settings.smtp_hostname or settings.mail_host


def endpoints(settings: Settings) -> list[Endpoint]:
    """The listeners clients should use, implicit TLS first (RFC 8314)."""
    out: list[Endpoint] = []
    for kind, tls_port, plain_port in (
        ("imap", settings.imaps_port, settings.imap_port),
        ("pop3", settings.pop3s_port, settings.pop3_port),
        ("smtp", settings.submissions_port, settings.submission_port),
    ):
        if tls_port > 0:
            out.append(Endpoint(kind, tls_port, "SSL"))
        if plain_port > 0:
            out.append(Endpoint(kind, plain_port, "STARTTLS"))
    return out


def thunderbird(settings: Settings, address: str | None) -> bytes:
    domain = check_address(address).split("@")[1] if address else settings.mail_host
    root = ET.Element("clientConfig", version="1.1")
    provider = ET.SubElement(root, "emailProvider", id=domain)
    ET.SubElement(provider, "domain").text = domain
    ET.SubElement(provider, "displayName").text = f"Mailplane ({domain})"
    ET.SubElement(provider, "displayShortName").text = "Mailplane"
    host = hostname(settings)
    for ep in endpoints(settings):
        tag = "outgoingServer" if ep.kind == "smtp" else "incomingServer"
        server = ET.SubElement(provider, tag, type=ep.kind)
        ET.SubElement(server, "hostname").text = host
        ET.SubElement(server, "port").text = str(ep.port)
        ET.SubElement(server, "socketType").text = ep.socket
        ET.SubElement(server, "username").text = "%EMAILADDRESS%"
        ET.SubElement(server, "authentication").text = "password-cleartext"
        if ep.kind != "pop3":
            ET.SubElement(server, "authentication").text = "OAuth2"
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8")


def autodiscover_request_address(body: bytes) -> str:
    """The EMailAddress of an Outlook POX request."""
    match = re.search(rb"<(?:\w+:)?EMailAddress>([^<]{1,320})</(?:\w+:)?EMailAddress>", body)
    if match is None:
        raise ValidationFailed("The request names no EMailAddress.", param="EMailAddress")
    return check_address(match.group(1).decode("utf-8", "replace"))


def autodiscover(settings: Settings, address: str) -> bytes:
    address = check_address(address)
    root = ET.Element("Autodiscover", xmlns=AUTODISCOVER_NS)
    response = ET.SubElement(root, "Response", xmlns=OUTLOOK_NS)
    account = ET.SubElement(response, "Account")
    ET.SubElement(account, "AccountType").text = "email"
    ET.SubElement(account, "Action").text = "settings"
    host = hostname(settings)
    seen: set[str] = set()
    for ep in endpoints(settings):
        kind = {"imap": "IMAP", "pop3": "POP3", "smtp": "SMTP"}[ep.kind]
        if kind in seen:
            continue  # one entry per protocol: the implicit-TLS one when there is one
        seen.add(kind)
        protocol = ET.SubElement(account, "Protocol")
        ET.SubElement(protocol, "Type").text = kind
        ET.SubElement(protocol, "Server").text = host
        ET.SubElement(protocol, "Port").text = str(ep.port)
        ET.SubElement(protocol, "LoginName").text = address
        ET.SubElement(protocol, "DomainRequired").text = "off"
        ET.SubElement(protocol, "SPA").text = "off"
        ET.SubElement(protocol, "SSL").text = "on"
        if ep.socket == "STARTTLS":
            ET.SubElement(protocol, "Encryption").text = "TLS"
        ET.SubElement(protocol, "AuthRequired").text = "on"
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="utf-8")


def mobileconfig(settings: Settings, address: str, display_name: str) -> bytes:
    """An Apple configuration profile with one IMAP mail account (the password is asked
    for on the device; the profile holds none)."""
    host = hostname(settings)
    eps = endpoints(settings)
    imap = next((e for e in eps if e.kind == "imap"), None)
    smtp = next((e for e in eps if e.kind == "smtp"), None)
    if imap is None or smtp is None:
        raise ValidationFailed("IMAP and submission are not both offered here.", param="account")
    namespace = uuid.UUID("6f1c2b40-6c57-4c0e-9a53-4d2c8a1e8b17")
    payload = {
        "PayloadType": "com.apple.mail.managed",
        "PayloadVersion": 1,
        "PayloadIdentifier": f"dev.mailplane.mail.{address}",
        "PayloadUUID": str(uuid.uuid5(namespace, "mail:" + address)).upper(),
        "PayloadDisplayName": f"Mail ({address})",
        "EmailAccountDescription": address,
        "EmailAccountName": display_name,
        "EmailAccountType": "EmailTypeIMAP",
        "EmailAddress": address,
        "IncomingMailServerAuthentication": "EmailAuthPassword",
        "IncomingMailServerHostName": host,
        "IncomingMailServerPortNumber": imap.port,
        "IncomingMailServerUseSSL": imap.socket == "SSL",
        "IncomingMailServerUsername": address,
        "OutgoingMailServerAuthentication": "EmailAuthPassword",
        "OutgoingMailServerHostName": host,
        "OutgoingMailServerPortNumber": smtp.port,
        "OutgoingMailServerUseSSL": smtp.socket == "SSL",
        "OutgoingMailServerUsername": address,
        "OutgoingPasswordSameAsIncomingPassword": True,
    }
    profile = {
        "PayloadContent": [payload],
        "PayloadDisplayName": f"Mailplane: {address}",
        "PayloadIdentifier": f"dev.mailplane.profile.{address}",
        "PayloadType": "Configuration",
        "PayloadUUID": str(uuid.uuid5(namespace, "profile:" + address)).upper(),
        "PayloadVersion": 1,
    }
    return plistlib.dumps(profile)
